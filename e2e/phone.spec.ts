/**
 * The store on a 360 px phone: no page scrolls sideways (every public page, in both languages,
 * signed out and signed in), product cards two to a row, filters folded in a disclosure (open on
 * a wide screen), search results before the filters, and a header of two short rows.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PHONE = { width: 360, height: 740 };

async function expectNoSidewaysScroll(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth }));
  expect(widths.document, `${path} is ${widths.document} px wide`).toBeLessThanOrEqual(widths.viewport);
  expect(widths.body, `${path} body is ${widths.body} px wide`).toBeLessThanOrEqual(widths.viewport);
}

function publicPaths(province: string): string[] {
  const paths = [
    "/",
    "/categories/handicraft",
    "/categories/textiles?sort=price-asc",
    `/provinces/${province}`,
    "/groups/ban-thon-krajood",
    "/groups",
    "/collections/handwoven-heritage",
    "/products/ban-thon-krajood-krajood-mat",
    "/products/chonnabot-mudmee-mudmee-silk-mak-chap-pattern",
    "/search?q=เสื่อ",
    "/search?q=zzzzqqq",
    "/search",
    "/signin",
    "/signup",
    "/cart",
    "/groups/apply",
    "/no-such-page",
  ];
  return [...paths, ...paths.map((path) => `/en${path === "/" ? "" : path}`)];
}

test.describe("at 360 px", () => {
  test.use({ viewport: PHONE });

  test("no public page scrolls sideways, signed out", async ({ page, db }) => {
    test.slow(); // thirty pages on a busy two-core machine
    const group = await db.occupationGroup.findUniqueOrThrow({ where: { slug: "ban-thon-krajood" }, select: { province: { select: { slug: true } } } });
    for (const path of publicPaths(group.province.slug)) await expectNoSidewaysScroll(page, path);
  });

  test("no page scrolls sideways signed in either, and the header stays two short rows", async ({ page, makeGroup, signIn }) => {
    test.slow();
    const group = await makeGroup();
    await signIn(group.owner);
    for (const path of ["/", "/en", "/categories/handicraft", "/products/ban-thon-krajood-krajood-mat", "/cart", "/orders", "/en/search?q=mat"]) {
      await expectNoSidewaysScroll(page, path);
    }
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(110);
    // The account's links fold under the buyer's name, and open on demand.
    const menu = page.locator("details.account-menu");
    await expect(menu.getByRole("link", { name: "My orders" })).toBeHidden();
    await menu.locator("summary").click();
    await expect(menu.getByRole("link", { name: "My orders" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  test("two product cards a row, filters folded, search results first", async ({ page }) => {
    await page.goto("/categories/handicraft");
    const cards = page.getByTestId("product-list").getByRole("listitem");
    const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
    expect(second!.y).toBe(first!.y);
    expect(second!.x).toBeGreaterThan(first!.x);
    const filters = page.locator("details.listing-disclosure");
    await expect(filters).not.toHaveAttribute("open");
    await expect(page.getByRole("combobox", { name: "เรียงตาม" })).toBeHidden();
    await filters.locator("summary").click();
    await expect(page.getByRole("combobox", { name: "เรียงตาม" })).toBeVisible();

    await page.goto("/search?q=เสื่อ");
    const results = await page.getByTestId("search-results").boundingBox();
    const searchFilters = await page.locator("details.search-disclosure").boundingBox();
    expect(results!.y).toBeLessThan(searchFilters!.y);
    expect(results!.y).toBeLessThan(PHONE.height / 2);
  });
});

test("on a wide screen the filters are open", async ({ page }) => {
  await page.goto("/categories/handicraft");
  await expect(page.locator("details.listing-disclosure")).toHaveAttribute("open");
  await expect(page.getByRole("combobox", { name: "เรียงตาม" })).toBeVisible();
  await page.goto("/search?q=เสื่อ");
  await expect(page.locator("details.search-disclosure")).toHaveAttribute("open");
  await expect(page.locator("#search-page-q")).toBeVisible();
});

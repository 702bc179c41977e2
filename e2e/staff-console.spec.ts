/**
 * The staff console on a phone (360×740): staff curate a collection that the home page shows in
 * their order, and hide a listing whose reason the group's owner then reads in the workspace.
 * No console page scrolls sideways at 360 px.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hydrated } from "./hydrated";

test.use({ viewport: { width: 360, height: 740 } });
// Long journeys: each runs several pages, posts and an accessibility scan.
test.describe.configure({ timeout: 120_000 });

const first = "Carved wooden elephant";
const second = "Fired clay vase, round";

async function signIn(page: Page, email: string) {
  await page.goto("/en/signin?redirectTo=%2Fen%2Fstaff");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("sammachip-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  // On a phone the name sits in the folded account menu: present, not shown.
  await expect(page.getByText(/Signed in as/)).toBeAttached();
}

async function newPage(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "th-TH" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`),
  );
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page, `${page.url()} ${wide.join(" | ")}`).toBeLessThanOrEqual(widths.viewport);
}

/** Now in Bangkok, as a datetime-local value, to the minute (so the collection has already started). */
function bangkokNow(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
}

test("staff curate a scheduled collection and the home page shows it in their order", async ({ page }) => {
  await signIn(page, "staff@demo.sammachip.test");
  await page.goto("/en/staff/collections");
  await page.getByLabel("Name (Thai)").fill("ของกินบ้านท่าพระ");
  await page.getByLabel("Name (English)").fill("Tha Phra pantry");
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/collections\/tha-phra-pantry$/);
  await expect(page.getByText("Not published", { exact: true })).toBeVisible();

  for (const title of [first, second]) {
    await page.getByPlaceholder("Find a product by its name or its group's").fill(title.split(",")[0]);
    await page.getByPlaceholder("Find a product by its name or its group's").press("Enter");
    await page.getByRole("button", { name: `Add: ${title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Product added to the collection" })).toBeVisible();
  }
  const order = page.getByRole("list", { name: "Order of products in the collection" });
  await expect(order.getByRole("listitem")).toHaveText([new RegExp(first), new RegExp(second)]);

  // By keyboard: focus "move down" on the first product and press Enter; focus stays on it.
  await hydrated(page);
  const moveDown = page.getByRole("button", { name: `Move down: ${first}` });
  await moveDown.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reorder-announcement")).toHaveText(`Moved “${first}” to position 2 of 2`);
  await expect(order.getByRole("listitem")).toHaveText([new RegExp(second), new RegExp(first)]);
  await expect(page.getByRole("button", { name: `Move down: ${first}` })).toBeFocused();
  // The move is saved in the background; reloading before the answer would read the old order.
  await expect(page.getByRole("status").filter({ hasText: "New order saved" })).toBeVisible();
  await page.reload();
  await expect(order.getByRole("listitem")).toHaveText([new RegExp(second), new RegExp(first)]);

  await page.getByLabel("Starts").fill(bangkokNow());
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("On the home page", { exact: true })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await expectNoSidewaysScroll(page);

  await page.goto("/en?from=console");
  const section = page.getByRole("region", { name: "Tha Phra pantry" });
  await expect(section.getByRole("listitem")).toHaveText([new RegExp(second), new RegExp(first)]);
});

test("with JavaScript, staff drag a product to a new place and the order is saved", async ({ page }) => {
  await signIn(page, "staff@demo.sammachip.test");
  await page.goto("/en/staff/collections");
  await page.getByLabel("Name (Thai)").fill("ลากเพื่อเรียง");
  await page.getByLabel("Name (English)").fill("Drag to order");
  await page.getByRole("button", { name: "Create collection" }).click();
  for (const title of ["Pure coconut sugar", "Golden dried longan"]) {
    await page.getByPlaceholder("Find a product by its name or its group's").fill(title);
    await page.getByPlaceholder("Find a product by its name or its group's").press("Enter");
    await page.getByRole("button", { name: `Add: ${title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Product added to the collection" })).toBeVisible();
  }
  const items = page.getByRole("list", { name: "Order of products in the collection" }).getByRole("listitem");
  await expect(items).toHaveText([/Pure coconut sugar/, /Golden dried longan/]);
  await hydrated(page);

  const handle = items.first().locator(".drag-handle");
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const target = (await items.last().boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, target.y + target.height - 4, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId("reorder-announcement")).toHaveText("Moved “Pure coconut sugar” to position 2 of 2");
  await expect(items).toHaveText([/Golden dried longan/, /Pure coconut sugar/]);
  await expect(page.getByRole("status").filter({ hasText: "New order saved" })).toBeVisible();
  await page.reload();
  await expect(items).toHaveText([/Golden dried longan/, /Pure coconut sugar/]);
});

test("staff hide a listing with a reason, and the group's owner reads it in the workspace", async ({ page, browser }) => {
  const listing = "Woven krajood bag, clutch";
  const reason = "The photos show a different bag. Please upload photos of this one.";
  await signIn(page, "staff@demo.sammachip.test");
  await page.goto(`/en/staff/moderation?q=${encodeURIComponent("krajood bag, clutch")}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: listing }) });
  await card.getByText("Hide this listing").click();
  await card.getByLabel("Reason the group will see").fill(reason);
  await card.getByRole("button", { name: `Hide listing: ${listing}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Listing hidden" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Hidden listings" }).getByText(reason)).toBeVisible();
  await expectNoSidewaysScroll(page);

  const owner = await newPage(browser, "owner.ban-thon-krajood@demo.sammachip.test");
  await owner.goto("/en/groups/ban-thon-krajood/manage/products");
  const notice = owner.getByRole("region", { name: "A message from the staff" });
  await expect(notice).toContainText(listing);
  await expect(notice).toContainText(reason);
  await expectNoSidewaysScroll(owner);
  await owner.context().close();

  const product = await page.request.get("/en/products/ban-thon-krajood-krajood-bag-clutch");
  expect(product.status()).toBe(404);
});

test("no console page scrolls sideways at 360 px, and each passes axe", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "staff@demo.sammachip.test");
  for (const path of ["/staff", "/en/staff", "/staff/groups", "/staff/collections", "/staff/collections/handwoven-heritage", "/staff/moderation?q=กระจูด", "/staff/audit", "/en/staff/outbox"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    // The page's own content; the header and footer are scanned by the storefront's journeys.
    const axe = await new AxeBuilder({ page }).include("main").analyze();
    expect(axe.violations.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
  }
});

/**
 * What buyers look for, end to end on a phone (360×740): a buyer's search in a category finds
 * nothing, and a product opened from another search is noted; staff then see the empty search among the top searches that found nothing or little, and the
 * workspace of a group selling in that category shows it as a hint. Both reports are a chart with
 * a table of the same numbers, pass axe and do not scroll sideways.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 120_000 });

async function expectReadable(page: Page, chart: string, query: string) {
  await expect(page.getByRole("img", { name: chart })).toBeVisible();
  const table = page.getByRole("region", { name: new RegExp(chart) }).getByRole("table");
  await expect(table.getByRole("rowheader", { name: query })).toBeVisible();
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(width.page).toBeLessThanOrEqual(width.viewport);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test("a search that found nothing reaches the staff's report and the workspace of a group in its category", async ({ browser, page, makeGroup, makeUser, signIn, db }) => {
  test.slow(); // two axe scans
  const group = await makeGroup({ products: [{ category: "textiles" }] });
  const staff = await makeUser({ role: "STAFF" });
  // A word no product has, nor anything a slip away (the engine forgives a lot); lower case, as
  // the log keeps queries.
  const wanted = `qzx${Date.now().toString(36).replace(/\d/g, "")}vq`;
  try {
    const buyer = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "th-TH" });
    const shopper = await buyer.newPage();
    await shopper.goto(`/en/search?${new URLSearchParams({ q: wanted, category: "textiles" })}`);
    await expect(shopper.getByText("No products match your search")).toBeVisible();
    // A result opened from a search is noted (through /search/open) and the product page opens.
    const piece = shopper.getByTestId("search-results").getByRole("link", { name: group.products[0].titleEn });
    // The new product reaches the index through the outbox, within about a second.
    await expect
      .poll(async () => {
        await shopper.goto(`/en/search?${new URLSearchParams({ q: group.products[0].titleEn })}`);
        return piece.count();
      })
      .toBe(1);
    await piece.click();
    await expect(shopper).toHaveURL(new RegExp(`/en/products/${group.products[0].slug}$`));
    await expect(shopper.getByRole("heading", { level: 1, name: group.products[0].titleEn })).toBeVisible();
    await expect.poll(() => db.searchLog.count({ where: { openedSlug: group.products[0].slug } })).toBe(1);
    await buyer.close();

    await signIn(staff);
    await page.goto("/en/staff/searches");
    await expect(page.getByRole("heading", { name: "Searches", level: 2 })).toBeVisible();
    await expectReadable(page, "Top searches that found nothing or little", wanted);

    const workspace = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "th-TH" });
    await signIn(group.owner, workspace);
    const owner = await workspace.newPage();
    await owner.goto(`/en/groups/${group.slug}/manage`);
    await owner.getByRole("link", { name: "Buyers' searches" }).click();
    await expect(owner).toHaveURL(new RegExp(`/en/groups/${group.slug}/manage/searches$`));
    await expectReadable(owner, "Searches that found nothing in the group's categories and province", wanted);
    await workspace.close();
  } finally {
    await db.searchLog.deleteMany({ where: { OR: [{ query: wanted }, { openedSlug: group.products[0].slug }] } });
  }
});

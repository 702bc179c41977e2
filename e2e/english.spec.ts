/**
 * English pages are English: where a place or a person has an English name, an /en page shows it
 * and never the Thai; Thai text is left only where the page marks it lang="th" (a title a group
 * wrote only in Thai, said so beside it; the language switch). Every page has a <title> in its
 * language, the 404 page included.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const group = "ban-thon-krajood";
const product = "ban-thon-krajood-krajood-mat";
// Thai letters and marks; the baht sign ฿ (U+0E3F) is how English writes prices too.
const THAI = /[\u0E01-\u0E3A\u0E40-\u0E5B]/;

/** Visible Thai-script text on the page that no lang="th" element claims. */
function unmarkedThai(page: Page): Promise<string[]> {
  return page.evaluate((source) => {
    const thai = new RegExp(source);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (!thai.test(node.textContent ?? "") || parent.closest("script, style, [lang='th']")) continue;
      found.push(node.textContent!.trim());
    }
    return found;
  }, THAI.source);
}

test("English group, product, province and search pages name places and people in English", async ({ page, db }) => {
  test.slow(); // five pages walked on a busy two-core machine
  const row = await db.occupationGroup.findUniqueOrThrow({
    where: { slug: group },
    select: {
      villageTh: true,
      villageEn: true,
      tambonTh: true,
      tambonEn: true,
      amphoeTh: true,
      amphoeEn: true,
      communitySage: true,
      communitySageEn: true,
      province: { select: { slug: true, nameTh: true, nameEn: true } },
      committee: { select: { name: true, nameEn: true } },
    },
  });
  // The demo catalog (v2) gives every one of them an English name; pairs without one are not asked.
  const pairs: [string, string | null][] = [
    [row.villageTh, row.villageEn],
    [row.tambonTh, row.tambonEn],
    [row.amphoeTh, row.amphoeEn],
    [row.communitySage, row.communitySageEn],
    [row.province.nameTh, row.province.nameEn],
    ...row.committee.map((member): [string, string | null] => [member.name, member.nameEn]),
  ];
  const named = pairs.filter((pair): pair is [string, string] => Boolean(pair[1]));
  expect(named.length).toBeGreaterThanOrEqual(6);

  await page.goto(`/en/groups/${group}`);
  const text = await page.locator("main").innerText();
  for (const [th, en] of named) {
    expect(text, `${th} on the English group page`).not.toContain(th);
    expect(text).toContain(en);
  }

  for (const path of [`/en/groups/${group}`, `/en/products/${product}`, `/en/provinces/${row.province.slug}`, "/en", "/en/search?q=mat"]) {
    await page.goto(path);
    expect(await unmarkedThai(page), path).toEqual([]);
    const title = await page.title();
    expect(title, path).not.toBe("");
    expect(title, path).not.toMatch(THAI);
  }
});

test("a product or group without English says so and shows the Thai", async ({ page, makeGroup, db }) => {
  const made = await makeGroup({ products: [{ titleTh: "ตะกร้าทดสอบภาษา", titleEn: "" }] });
  await db.occupationGroup.update({ where: { id: made.id }, data: { nameEn: "" } });
  await page.goto(`/en/products/${made.products[0].slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ตะกร้าทดสอบภาษา");
  await expect(page.getByRole("heading", { level: 1 }).getByTestId("untranslated")).toBeVisible();
  await page.goto(`/en/groups/${made.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(made.nameTh);
  await expect(page.getByRole("heading", { level: 1 }).getByTestId("untranslated")).toBeVisible();
});

test("the 404 page has a title in its language", async ({ page }) => {
  expect((await page.goto("/en/no-such-page"))?.status()).toBe(404);
  await expect(page).toHaveTitle(/^Page not found · /);
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page).toHaveTitle(THAI);
  expect((await page.goto("/en/products/no-such-product"))?.status()).toBe(404);
  await expect(page).toHaveTitle(/^Page not found · /);
});

test("a page ships only its own language's dictionary, and switching fetches the other before it renders", async ({ page }) => {
  const dictionaries: string[] = [];
  page.on("request", (request) => {
    const chunk = /\/assets\/(th|en)-[\w-]+\.js$/.exec(request.url());
    if (chunk) dictionaries.push(chunk[1]);
  });
  await page.goto(`/products/${product}`);
  // Hydrated, so the switch below is the browser's own navigation, not a new document.
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
  expect(dictionaries).toEqual(["th"]);

  await page.locator("a.lang-switch").click();
  await expect(page).toHaveURL(new RegExp(`/en/products/${product}$`));
  await expect(page.locator("header")).toContainText("Basket");
  expect(await unmarkedThai(page)).toEqual([]);
  expect(dictionaries).toEqual(["th", "en"]);
  // Still the same document: the switch did not reload the page.
  expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
  expect(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).name)).not.toContain("/en/");
});

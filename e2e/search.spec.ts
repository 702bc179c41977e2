import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./hydrated";

/** The result count in the results heading ("พบสินค้า 17 รายการ…", "12 products…"). */
async function shownCount(page: Page): Promise<number> {
  const heading = await page.locator("#search-results-heading").textContent();
  return Number(/\d[\d,]*/.exec(heading ?? "")?.[0].replace(/,/g, ""));
}

/** Card prices on the page in baht, in display order. */
async function prices(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("search-results").locator(".card-price").allTextContents();
  return texts.map((text) => Number(text.split("/")[0].replace(/[^\d.]/g, "")));
}

async function titles(page: Page): Promise<string[]> {
  return page.getByTestId("search-results").locator(".card-title").allTextContents();
}

test("a Thai shopper searches from the header, refines by a facet and sorts by price", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "ค้นหาสินค้า" });
  await box.fill("ผ้าไหม");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page).toHaveTitle(/ค้นหา “ผ้าไหม”/);
  await expect(page.getByRole("heading", { name: /พบสินค้า \d+ รายการสำหรับ “ผ้าไหม”/ })).toBeVisible();
  const all = await shownCount(page);
  expect(all).toBeGreaterThan(5);

  // The province facet says how many of these come from Khon Kaen; choosing it must show exactly those.
  const filters = page.getByRole("form", { name: "ตัวกรอง" });
  const khonKaen = filters.getByRole("checkbox", { name: /^ขอนแก่น \(\d+\)$/ });
  const facetCount = Number(/\((\d+)\)/.exec((await filters.locator('label[for="facet-province-khon-kaen"]').textContent()) ?? "")?.[1]);
  expect(facetCount).toBeGreaterThan(1);
  expect(facetCount).toBeLessThan(all);
  await khonKaen.check();
  await filters.getByRole("combobox", { name: "เรียงตาม" }).selectOption({ label: "ราคาต่ำไปสูง" });
  await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
  await expect(page).toHaveURL(/province=khon-kaen/);
  await expect(page).toHaveURL(/sort=price-asc/);
  // The URL can change a moment before the new results are drawn (client-side navigation): the
  // heading's count is drawn with them.
  await expect(page.getByRole("heading", { name: `พบสินค้า ${facetCount} รายการสำหรับ “ผ้าไหม”` })).toBeVisible();
  const cards = page.getByTestId("search-results").getByRole("listitem");
  await expect(cards).toHaveCount(facetCount);
  for (const meta of await cards.locator(".card-meta").allTextContents()) expect(meta).toMatch(/· ขอนแก่น$/);

  // Products matching the words in their title come first (as in Meilisearch, matched words rank
  // before the sort); within them, cheapest first.
  const shown = await prices(page);
  const named = (await titles(page)).filter((title) => title.includes("ไหม")).length;
  expect(named).toBeGreaterThan(1);
  const top = shown.slice(0, named);
  expect(top).toEqual([...top].sort((a, b) => a - b));
  await expect(filters.getByRole("checkbox", { name: /^ขอนแก่น/ })).toBeChecked();
});

test("an English shopper finds a silk scarf", async ({ page }) => {
  await page.goto("/en");
  const box = page.getByRole("combobox", { name: "Search products" });
  await box.fill("silk scarf");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=silk\+scarf/);
  await expect(page.getByTestId("search-results").getByRole("link", { name: /Pure silk scarf/ }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a typo offers a correction", async ({ page }) => {
  await page.goto("/en/search?q=cofee");
  const correction = page.getByRole("link", { name: "coffee", exact: true });
  await expect(page.getByText("Did you mean")).toBeVisible();
  await correction.click();
  await expect(page).toHaveURL(/q=coffee/);
  await expect(page.getByTestId("search-results").getByRole("link", { name: /coffee/i }).first()).toBeVisible();
});

test("suggestions work with the keyboard and are announced", async ({ page }) => {
  await page.goto("/en");
  await hydrated(page);
  const box = page.getByRole("combobox", { name: "Search products" });
  await box.pressSequentially("coff", { delay: 40 });
  const list = page.getByRole("listbox", { name: "Search suggestions" });
  await expect(list.getByRole("option").first()).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("search-announcer")).toHaveText(/^\d+ suggestions?, /);
  await box.press("ArrowDown");
  const first = list.getByRole("option").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  const title = (await first.textContent())!;
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/en\/products\//);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("text typed before the page's JavaScript arrives is kept, and gets suggestions", async ({ page }) => {
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(/\/assets\/.+\.js$/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/en");
  const box = page.getByRole("combobox", { name: "Search products" });
  await box.fill("coffee");
  releaseScripts();
  await hydrated(page);
  await expect(page.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").first()).toBeVisible();
  await expect(box).toHaveValue("coffee");
});

test("a late answer to an earlier keystroke keeps the highlighted suggestion", async ({ page }) => {
  await page.goto("/en");
  await hydrated(page);
  const box = page.getByRole("combobox", { name: "Search products" });
  const list = page.getByRole("listbox", { name: "Search suggestions" });
  type Suggestions = { suggestions: { slug: string; text: string; href: string }[] };
  let shown: Suggestions = { suggestions: [] };
  let answered = () => {};
  const answeredCoffe = new Promise<void>((resolve) => (answered = resolve));
  await page.route(/\/search\/suggest\?q=coffe$/, async (route) => {
    const real = await route.fetch();
    shown = (await real.json()) as Suggestions;
    await route.fulfill({ response: real, json: shown });
    answered();
  });
  await box.pressSequentially("coffe", { delay: 40 });
  // The list must be the answer for "coffe", not one for an earlier keystroke still on screen.
  await answeredCoffe;
  expect(shown.suggestions.length).toBeGreaterThan(0);
  await expect(list.getByRole("option")).toHaveText(shown.suggestions.map((suggestion) => suggestion.text));

  // The answer for "coffee" is held back, and when it comes it is the same list with a
  // newcomer on top: the highlighted product moves from the first place to the second.
  let releaseAnswer = () => {};
  const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve));
  let asked = () => {};
  const askedForCoffee = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/\/search\/suggest\?q=coffee$/, async (route) => {
    asked();
    await answerHeld;
    const newcomer = { slug: "late-newcomer", text: "A late newcomer", href: "/en/products/late-newcomer" };
    await route.fulfill({ json: { suggestions: [newcomer, ...shown.suggestions] } });
  });
  await box.press("e");
  await askedForCoffee;
  await box.press("ArrowDown");
  const highlighted = list.getByRole("option").first();
  await expect(highlighted).toHaveAttribute("aria-selected", "true");
  const title = (await highlighted.textContent())!;

  releaseAnswer();
  await expect(list.getByRole("option", { name: "A late newcomer" })).toBeVisible();
  await expect(list.getByRole("option", { name: "A late newcomer" })).toHaveAttribute("aria-selected", "false");
  await expect(list.getByRole("option", { name: title, exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", /-list-1$/);
});

test("search result pages are kept out of search engines and shared caches", async ({ request }) => {
  const response = await request.get("/en/search?q=silk");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-robots-tag"]).toBe("noindex");
  expect(response.headers()["cache-control"]).toBe("private, max-age=0");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header form and the filters still submit", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "ค้นหาสินค้า" }).fill("กาแฟ");
    await page.getByRole("search").getByRole("button", { name: "ค้นหา" }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByTestId("search-results").getByRole("listitem").first()).toBeVisible();
    const before = await prices(page);
    const cheap = before.filter((price) => price <= 250).length;
    // The demo coffees straddle ฿250, so the filter has something to keep and something to drop.
    expect(cheap).toBeGreaterThan(0);
    expect(cheap).toBeLessThan(before.length);
    const filters = page.getByRole("form", { name: "ตัวกรอง" });
    await filters.getByLabel("ราคาสูงสุด (บาท)").fill("250");
    await filters.getByRole("button", { name: "ใช้ตัวกรอง" }).click();
    await expect(page).toHaveURL(/max=250/);
    const after = await prices(page);
    expect(after).toHaveLength(cheap);
    expect(await shownCount(page)).toBe(cheap);
    for (const price of after) expect(price).toBeLessThanOrEqual(250);
  });
});

test("search pages have no accessibility violations", async ({ page }) => {
  // Four full-page axe runs: on a busy two-core machine they outlast one default budget.
  test.slow();
  for (const path of ["/search?q=ผ้าไหม", "/en/search?q=zzzzqq", "/en/search?q=silk&page=2&sort=newest"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, `${path}: ${results.violations.map((v) => v.id).join(", ")}`).toEqual([]);
  }
  await page.goto("/en/search");
  await page.getByRole("combobox", { name: "Search products" }).pressSequentially("silk", { delay: 40 });
  await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
  const open = await new AxeBuilder({ page }).analyze();
  expect(open.violations.map((v) => v.id)).toEqual([]);
});

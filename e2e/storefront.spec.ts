/**
 * Storefront journeys in both languages: home → a curated product, a
 * category with a filter, a sort and the next page, a province, the product
 * and group pages with what they must show, structured data, axe on every
 * page type, and browsing with JavaScript turned off.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type ProductSpec } from "./fixtures";

const mudmee = "chonnabot-mudmee-mudmee-silk-mak-chap-pattern";

/**
 * No demo category has more than one page, so a paging test gives handicraft 30 more products of
 * a group of its own, ready to ship (old, so the home page's "new" shelf is unchanged).
 */
const thirtyHandicrafts: ProductSpec[] = Array.from({ length: 30 }, () => ({ category: "handicraft", stock: 1 }));

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, `${page.url()}: ${results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target).join(" ")})`).join(", ")}`).toEqual([]);
}

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test("home → a curated collection → its product, in Thai", async ({ page }) => {
  test.slow(); // a full-page axe run takes 10–20 s on a busy two-core machine
  await page.goto("/");
  const collection = page.getByRole("region", { name: "ผ้าทอมือ มรดกจากแม่" });
  // The first four of its six, and the way to all of them.
  await expect(collection.getByRole("listitem")).toHaveCount(4);
  await expect(collection.getByRole("link", { name: "ดูทั้งคอลเลกชัน (6 รายการ)" })).toHaveAttribute("href", "/collections/handwoven-heritage");
  await expectNoAxeViolations(page);
  await collection.getByRole("link", { name: "ผ้าไหมมัดหมี่ทอมือ ลายหมากจับ" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${mudmee}$`));
  await expect(page.getByRole("heading", { level: 1, name: "ผ้าไหมมัดหมี่ทอมือ ลายหมากจับ" })).toBeVisible();
});

test("the product page shows the breakdown, badges with their meaning, lead time, share links and JSON-LD", async ({ page, baseURL }) => {
  test.slow(); // a full-page axe run takes 10–20 s on a busy two-core machine
  await page.goto(`/products/${mudmee}`);
  // Woven to order (21 days' work): the page promises a date from the group's free weeks.
  await expect(page.getByTestId("availability")).toHaveText(/^ผลิตตามสั่ง เสร็จประมาณ \d{1,2} \S+ \d{4}$/);
  const breakdown = page.getByTestId("price-breakdown");
  await expect(breakdown.getByRole("row", { name: /ถึงมือกลุ่มทอผ้าไหมมัดหมี่บ้านโนนสะอาด/ })).toContainText("4,375");
  await expect(breakdown.getByRole("row", { name: /ค่าบริการตลาด \(0%\)/ })).toContainText("0");
  await expect(page.getByText("พร้อมเพย์โอนตรงถึงกลุ่ม: ไม่มีค่าธรรมเนียม")).toBeVisible();
  const certs = page.getByRole("region", { name: "มาตรฐานที่ได้รับ" });
  await expect(certs.getByText("OTOP", { exact: true })).toBeVisible();
  await expect(certs.getByText(/หนึ่งตำบล หนึ่งผลิตภัณฑ์/)).toBeVisible();

  const url = encodeURIComponent(`${baseURL}/products/${mudmee}`);
  await expect(page.getByRole("link", { name: "แชร์ทาง LINE" })).toHaveAttribute("href", new RegExp(`^https://social-plugins\\.line\\.me/lineit/share\\?url=${url.replace(/[.]/g, "\\.")}&`));
  await expect(page.getByRole("link", { name: "แชร์ทาง Facebook" })).toHaveAttribute("href", `https://www.facebook.com/sharer/sharer.php?u=${url}`);

  const data = await jsonLd(page);
  const product = data.find((d) => d["@type"] === "Product") as { offers: { price: string; priceCurrency: string }; name: string };
  expect(product.offers).toMatchObject({ price: "4375.00", priceCurrency: "THB" });
  expect(data.some((d) => d["@type"] === "BreadcrumbList")).toBe(true);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/products/${mudmee}`);
  await expect(page.locator('link[hreflang="en"]')).toHaveAttribute("href", `${baseURL}/en/products/${mudmee}`);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toBe(`${baseURL}/og/product/${mudmee}.png`);
  const image = await page.request.get(ogImage!);
  expect(image.headers()["content-type"]).toBe("image/png");
  await expectNoAxeViolations(page);

  await page.getByRole("region", { name: "ผู้ผลิต" }).getByRole("link", { name: "กลุ่มทอผ้าไหมมัดหมี่บ้านโนนสะอาด" }).click();
  await expect(page).toHaveURL(/\/groups\/chonnabot-mudmee$/);
});

test("a category with a filter, a sort, the next page and back", async ({ page, makeGroup }) => {
  test.slow(); // axe, then six page loads
  const group = await makeGroup({ products: thirtyHandicrafts });
  // Other workers' groups come and go in the same category meanwhile: compare this group's cards.
  const ours = (texts: string[]) => texts.filter((text) => text.includes(group.nameTh));
  await page.goto("/categories/handicraft");
  await expect(page.getByRole("heading", { level: 1, name: "หัตถกรรมและของใช้" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("เรียงตาม").selectOption("price-asc");
  await page.getByLabel("การจัดส่ง").selectOption("ready");
  await page.getByRole("button", { name: "แสดงผล" }).click();
  await expect(page).toHaveURL(/sort=price-asc/);
  await expect(page).toHaveURL(/ship=ready/);
  // Drawn in the same render as the filtered list (the URL can change a moment earlier).
  await expect(page.getByRole("link", { name: "ล้างตัวกรอง" })).toBeVisible();
  const firstPage = await page.getByTestId("product-list").getByRole("listitem").allTextContents();
  expect(firstPage).toHaveLength(24);
  expect(ours(firstPage).length).toBeGreaterThan(0);
  await page.getByRole("link", { name: "หน้าถัดไป" }).click();
  await expect(page.getByText(/หน้า 2 จาก/)).toBeVisible();
  const secondPage = await page.getByTestId("product-list").getByRole("listitem").allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((text) => firstPage.includes(text))).toEqual([]);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, follow");
  await page.getByRole("link", { name: "หน้าก่อนหน้า" }).click();
  await expect(page.getByText(/หน้า 1 จาก/)).toBeVisible();
  await expect(page).not.toHaveURL(/after=|before=/);
  expect(ours(await page.getByTestId("product-list").getByRole("listitem").allTextContents())).toEqual(ours(firstPage));
  await page.getByRole("link", { name: "หน้าถัดไป" }).click();
  await expect(page.getByText(/หน้า 2 จาก/)).toBeVisible();

  await page.getByLabel("มาตรฐาน").selectOption("gi");
  await page.getByRole("button", { name: "แสดงผล" }).click();
  await expect(page).toHaveURL(/cert=gi/);
});

test("a province page and the group page, in English", async ({ page }) => {
  test.slow(); // two full-page axe runs
  await page.goto("/en/provinces/khon-kaen");
  await expect(page.getByRole("heading", { level: 1, name: "Products from Khon Kaen" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/en/groups/chonnabot-mudmee");
  await expect(page.getByRole("heading", { level: 1, name: "Ban Non Sa-at Mudmee Silk Weavers" })).toBeVisible();
  await expect(page.getByText("Founded in 2003")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Committee" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Follow this group" })).toHaveAttribute("href", "/en/groups/chonnabot-mudmee/follow");
  const organization = (await jsonLd(page)).find((d) => d["@type"] === "Organization");
  expect(organization).toMatchObject({ name: "Ban Non Sa-at Mudmee Silk Weavers", foundingDate: "2003" });
  await expectNoAxeViolations(page);

  await page.goto(`/en/products/${mudmee}`);
  const promise = await page.getByTestId("availability").textContent();
  const promised = /^Made to order, ready around (\d{1,2} [A-Z][a-z]+ \d{4})$/.exec(promise ?? "")?.[1];
  expect(promised, promise ?? "").toBeDefined();
  // No sooner than its 21 days of weaving, counted from today.
  expect(Date.parse(`${promised} 23:59 UTC`)).toBeGreaterThanOrEqual(Date.now() + 20 * 86_400_000);
  await expect(page.getByText("Sammachip Market takes no share of the price.")).toBeVisible();
});

test("groups near the buyer's province, remembered", async ({ page }) => {
  test.slow(); // a full-page axe run takes 10–20 s on a busy two-core machine
  await page.goto("/");
  await page.getByLabel("จังหวัดของคุณ").selectOption("khon-kaen");
  await page.getByRole("button", { name: "แสดงกลุ่มใกล้ฉัน" }).click();
  await expect(page.getByTestId("groups-in-province").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("groups-in-region")).toContainText("กาฬสินธุ์");
  await page.goto("/en");
  await expect(page.getByRole("heading", { name: "Occupation groups in Khon Kaen" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a buyer can still filter, sort, page and open a product", async ({ page, makeGroup }) => {
    await makeGroup({ products: thirtyHandicrafts });
    await page.goto("/categories/handicraft");
    await page.getByLabel("เรียงตาม").selectOption("price-desc");
    await page.getByRole("button", { name: "แสดงผล" }).click();
    await expect(page).toHaveURL(/sort=price-desc/);
    await page.getByRole("link", { name: "หน้าถัดไป" }).click();
    await expect(page.getByText(/หน้า 2 จาก/)).toBeVisible();
    await page.getByTestId("product-list").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("price-breakdown")).toBeVisible();
  });
});

test("bad listing input gives 404s or the first page, never a 500", async ({ page }) => {
  expect((await page.goto("/categories/no-such-category"))?.status()).toBe(404);
  expect((await page.goto("/en/provinces/atlantis"))?.status()).toBe(404);
  const odd = await page.goto("/categories/textiles?sort=%27&cert=<x>&ship=9&after=!!!&page=-3");
  expect(odd?.status()).toBe(200);
  await expect(page.getByText(/หน้า 1 จาก/)).toBeVisible();
  const sitemap = await page.request.get("/sitemaps/products-1.xml");
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain(`/en/products/${mudmee}</loc>`);
});

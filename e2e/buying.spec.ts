/**
 * The money loop's first half on a phone (360 × 740), as a guest: one basket from two groups (a
 * ready-stock piece from one, a made-to-order piece with its promised date from the other), one
 * checkout, one order with a group order each. Each owner sees only its own group's order and
 * takes it to delivered (one by courier with a tracking number, one picked up), while the buyer's
 * tracking page follows.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test, type TestGroup, type TestUser } from "./fixtures";
import { hydrated } from "./hydrated";

test.use({ viewport: { width: 360, height: 740 } });
// Four pages of buying and two owners' six moves: more than the default budget on a busy machine.
test.describe.configure({ timeout: 180_000 });

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, page.url()).toBeLessThanOrEqual(widths.client);
}

/** A page of its own, signed in as the group's owner, at the group's order from this test. */
async function ownersOrder(browser: Browser, signIn: (user: TestUser, context: never) => Promise<void>, group: TestGroup, number: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await signIn(group.owner, context as never);
  const page = await context.newPage();
  await page.goto(`/en/groups/${group.slug}/manage/orders`);
  const rows = page.getByRole("list", { name: "Orders" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
  return page;
}

/** After hydration the basket form fetches its CSRF token; a click before it lands asks to confirm instead. */
async function basketFormReady(page: Page) {
  await hydrated(page);
  await expect(page.locator('form:has(button:text("Add to basket")) input[name="csrf"]')).not.toHaveValue("");
}

async function move(page: Page, button: string, done: string | RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(done);
}

test("a guest buys from two groups in one basket; each owner delivers its own part while the tracking page follows", async ({ page, browser, db, makeGroup, signIn }) => {
  const weaver = await makeGroup({ products: [{ titleEn: "Journey indigo scarf", titleTh: "ผ้าพันคอครามทดสอบการซื้อ", madeToOrder: true, stock: 0 }] });
  const cooks = await makeGroup({ products: [{ titleEn: "Journey chili paste", titleTh: "น้ำพริกทดสอบการซื้อ", stock: 8 }] });
  const [scarf] = weaver.products;
  const [paste] = cooks.products;
  await db.product.update({ where: { id: scarf.id }, data: { capacityPerWeek: 2, leadTimeDays: 14 } });
  await db.shippingMethod.create({ data: { groupId: weaver.id, kind: "PICKUP_CENTRE", nameTh: "รับที่ศูนย์กลุ่ม", nameEn: "Pick up at the group's centre", feeSatang: 0, position: 0 } });
  await db.shippingMethod.create({ data: { groupId: cooks.id, kind: "THAILAND_POST_EMS", nameTh: "ไปรษณีย์ไทย EMS", nameEn: "Thailand Post EMS", feeSatang: 5000, position: 0 } });

  // The made-to-order piece promises a date from the group's capacity; the jar says what is left.
  await page.goto(`/en/products/${scarf.slug}`);
  await expect(page.getByTestId("availability")).toContainText(/Made to order, ready around \d{1,2} \w+ \d{4}/);
  await basketFormReady(page);
  await page.getByRole("button", { name: "Add to basket" }).click();
  const basket = page.getByRole("region", { name: "Basket" });
  await expect(basket.getByRole("link", { name: "Journey indigo scarf" })).toBeVisible();
  await page.goto(`/en/products/${paste.slug}`);
  await expect(page.getByTestId("availability")).toContainText("Ready to ship: 8");
  await basketFormReady(page);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to basket" }).click();
  await expect(basket.getByRole("link", { name: "Journey chili paste" })).toBeVisible();
  await expect(basket.getByRole("link", { name: weaver.nameEn })).toBeVisible();
  await expect(basket.getByRole("link", { name: cooks.nameEn })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: "Go to checkout" }).click();

  // Checkout: the address pickers cascade and fill the postcode; each group's shipping is its own.
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Email (optional)").fill("journey.buyer@example.com");
  await page.getByRole("radiogroup", { name: `How to get your goods from ${weaver.nameEn}` }).getByLabel(/Pick up at the group's centre/).check();
  await page.getByRole("radiogroup", { name: `How to get your goods from ${cooks.nameEn}` }).getByLabel(/Thailand Post EMS/).check();
  await page.getByLabel("Recipient's name").fill("Somsri Journey");
  await page.getByLabel("Phone").fill("081 234 5678");
  await page.getByLabel("House number, village (moo), soi, road").fill("99/1 Moo 3");
  // Each picker replaces its text field once its places have arrived from /api/address.
  for (const [field, place] of [["Province", "Khon Kaen"], ["District (amphoe / khet)", "Chonnabot"], ["Subdistrict (tambon / khwaeng)", "Chonnabot"]]) {
    const picker = page.getByRole("combobox", { name: field, exact: true });
    await expect(picker).toBeVisible();
    await picker.selectOption({ label: place });
  }
  await expect(page.getByLabel("Postcode")).toHaveValue("40180");
  await expect(page.getByTestId("checkout-summary")).toContainText(/Shipping: ฿50(?!\d)/);
  await expectNoSidewaysScroll(page);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByText(/Thank you! We have your order SM-\d{4}-\d{6}/)).toBeVisible();
  const number = /SM-\d{4}-\d{6}/.exec((await page.getByText(/Thank you!/).textContent()) ?? "")![0];
  const tracking = page.url();
  const weaversPart = page.getByRole("region", { name: weaver.nameEn });
  const cooksPart = page.getByRole("region", { name: cooks.nameEn });
  await expect(weaversPart).toContainText("The group has your order");
  await expect(weaversPart).toContainText(/ready around \d{1,2} \w+ \d{4}/);
  await expect(cooksPart).toContainText("The group has your order");
  await expectNoSidewaysScroll(page);

  // The cooks see only their own part: their jar, not the weavers' scarf.
  const cooksPage = await ownersOrder(browser, signIn, cooks, number);
  await expect(cooksPage.getByText("Journey chili paste")).toBeVisible();
  await expect(cooksPage.getByText("Journey indigo scarf")).toHaveCount(0);
  await move(cooksPage, "Accept the order", "Order accepted; the buyer has been told");
  await move(cooksPage, "Packed", "Marked as packed");
  await cooksPage.getByLabel("Tracking number").fill("EF123456789TH");
  await cooksPage.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(cooksPage.getByRole("status")).toContainText(/tracking number/i);

  await page.goto(tracking);
  await expect(cooksPart).toContainText("Sent");
  await expect(cooksPart.getByRole("link", { name: "Track the parcel" })).toHaveAttribute("href", "https://track.thailandpost.co.th/?trackNumber=EF123456789TH");
  await expect(weaversPart).toContainText("The group has your order");

  const weaversPage = await ownersOrder(browser, signIn, weaver, number);
  await expect(weaversPage.getByText("Journey indigo scarf")).toBeVisible();
  await expect(weaversPage.getByText("Journey chili paste")).toHaveCount(0);
  await move(weaversPage, "Accept the order", "Order accepted; the buyer has been told");
  await move(weaversPage, "Start production", "Production started");
  await move(weaversPage, "Packed", "Marked as packed");
  await weaversPage.getByRole("button", { name: "Ready for pickup", exact: true }).click();
  await expect(weaversPage.getByRole("status")).toBeVisible();
  await move(weaversPage, "Delivered", /Marked as delivered|delivered/i);
  await move(cooksPage, "Delivered", /Marked as delivered|delivered/i);

  await page.goto(tracking);
  await expect(weaversPart).toContainText("Delivered");
  await expect(cooksPart).toContainText("Delivered");
  await expect(page.getByText("Completed")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await cooksPage.context().close();
  await weaversPage.context().close();
});

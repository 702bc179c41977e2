/**
 * A group's order inbox on a phone (360 × 740): an order placed through checkout (the domain
 * functions, against the test server's database) appears in the owner's inbox; the owner
 * accepts, packs, ships with a tracking number and marks it delivered, with no sideways
 * scrolling and no axe violations. Without JavaScript the owner cancels another order through
 * the confirmation page. The packing slip prints on 80 mm paper.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import crypto from "node:crypto";
import { hydrated } from "./hydrated";

const group = "tha-phra-women";
const product = "tha-phra-women-chili-paste-hot";
const databaseUrl = `postgresql://sammachip:sammachip-local@127.0.0.1:${process.env.E2E_PG_PORT ?? 54359}/sammachip`;

test.use({ viewport: { width: 360, height: 740 } });
// Long journeys of many steps; a busy 2-core machine needs more than the default 30 s for them.
test.describe.configure({ timeout: 120_000 });

/** Places an order as a buyer's checkout would, through the app's own modules, on the test server's database. */
async function placeTestOrder(recipientName: string): Promise<{ id: string; number: string }> {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("~/db/client.server");
  const { ensureCart, putInCart } = await import("~/modules/cart/cart.server");
  const { placeOrder } = await import("~/modules/checkout/place-order.server");
  const row = await db().product.update({ where: { slug: product }, data: { stock: { increment: 5 } } });
  const method =
    (await db().shippingMethod.findFirst({ where: { groupId: row.groupId, kind: "THAILAND_POST_EMS" } })) ??
    (await db().shippingMethod.create({ data: { groupId: row.groupId, kind: "THAILAND_POST_EMS", nameTh: "ไปรษณีย์ไทย EMS", nameEn: "Thailand Post EMS", feeSatang: 5000, position: 1 } }));
  const cart = await ensureCart({ cartId: null });
  await putInCart(cart.id, { productId: row.id, quantity: 2 });
  const placed = await placeOrder({
    cartId: cart.id,
    checkoutKey: crypto.randomUUID(),
    buyerId: null,
    locale: "th",
    contact: { recipientName, email: "e2e.buyer@example.com", phone: "0812345678" },
    address: { line: "99/1 หมู่ 3", subdistrict: "ชนบท", district: "ชนบท", province: "ขอนแก่น", postcode: "40180" },
    shipping: { [row.groupId]: method.id },
    payment: "CASH_ON_PICKUP",
  });
  const groupOrder = await db().groupOrder.findFirstOrThrow({ where: { orderId: placed.id } });
  return { id: groupOrder.id, number: placed.number };
}

async function signInAsOwner(page: Page, lang: "th" | "en") {
  await page.goto(lang === "en" ? "/en/signin" : "/signin");
  await page.getByLabel(lang === "en" ? "Email" : "อีเมล").fill(`owner.${group}@demo.sammachip.test`);
  await page.getByLabel(lang === "en" ? "Password" : "รหัสผ่าน").fill("sammachip-demo");
  await page.getByRole("button", { name: lang === "en" ? "Sign in" : "เข้าสู่ระบบ" }).click();
  await expect(page.getByText(lang === "en" ? /Signed in as/ : /เข้าสู่ระบบเป็น/)).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, page.url()).toBeLessThanOrEqual(widths.client);
}

async function expectNoAxeViolations(page: Page) {
  // After hydration, so nothing replaces the document while axe reads it.
  await hydrated(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, `${page.url()}: ${results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target).join(" ")})`).join(", ")}`).toEqual([]);
}

test("the owner takes a new order from the inbox to delivered", async ({ page }) => {
  const order = await placeTestOrder("สมใจ ทดสอบส่งของ");
  await signInAsOwner(page, "th");
  await page.goto(`/groups/${group}/manage/orders`);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: order.number }) });
  await expect(row).toContainText("สมใจ ทดสอบส่งของ");
  await expect(row).toContainText("ใหม่");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: order.number }).click();
  await expect(page.getByRole("heading", { name: `คำสั่งซื้อ ${order.number}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "โทรหา 0812345678" })).toHaveAttribute("href", "tel:0812345678");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "รับคำสั่งซื้อ" }).click();
  await expect(page.getByRole("status")).toHaveText("รับคำสั่งซื้อแล้ว ผู้ซื้อได้รับแจ้งแล้ว");
  await page.getByRole("button", { name: "แพ็กเสร็จแล้ว" }).click();
  await expect(page.getByRole("status")).toHaveText("บันทึกว่าแพ็กเสร็จแล้ว");

  // The carrier of the buyer's shipping method comes first; a wrong number is refused in place.
  await expect(page.getByLabel("บริษัทขนส่ง")).toHaveValue("THAILAND_POST_EMS");
  await page.getByLabel("เลขพัสดุ").fill("12345");
  await page.getByRole("button", { name: "บันทึกว่าส่งแล้ว" }).click();
  await expect(page.getByRole("alert")).toContainText("เลขพัสดุไปรษณีย์ไทยมี 13 ตัว");
  await page.getByLabel("เลขพัสดุ").fill("ef 1234 5678 9th");
  await page.getByRole("button", { name: "บันทึกว่าส่งแล้ว" }).click();
  await expect(page.getByRole("status")).toHaveText("บันทึกการส่งแล้ว ผู้ซื้อได้รับเลขพัสดุแล้ว");
  await expect(page.getByRole("link", { name: "ติดตามพัสดุที่เว็บไซต์ ไปรษณีย์ไทย EMS" })).toHaveAttribute(
    "href",
    "https://track.thailandpost.co.th/?trackNumber=EF123456789TH",
  );
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "ผู้ซื้อได้รับของแล้ว" }).click();
  await expect(page.getByRole("status")).toHaveText("บันทึกว่าผู้ซื้อได้รับของแล้ว");
  await expect(page.getByText("คำสั่งซื้อนี้จบแล้ว ไม่มีขั้นต่อไป")).toBeVisible();
  const timeline = page.getByRole("region", { name: "ความเคลื่อนไหว" }).getByRole("listitem");
  await expect(timeline).toHaveCount(5);

  await page.goto(`/groups/${group}/manage/orders?status=DELIVERED`);
  await expect(page.getByRole("link", { name: order.number })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the owner cancels an order through the confirmation page, and must give a reason", async ({ page }) => {
    const order = await placeTestOrder("Cancel Test Buyer");
    await signInAsOwner(page, "en");
    await page.goto(`/en/groups/${group}/manage/orders`);
    await page.getByRole("link", { name: order.number }).click();
    await page.getByRole("link", { name: "Cancel the order…" }).click();
    await expect(page.getByRole("heading", { name: `Cancel order ${order.number}?` })).toBeVisible();
    await page.getByRole("button", { name: "Yes, cancel the order" }).click();
    await expect(page.getByRole("alert")).toHaveText("Please say why the order is cancelled");
    await page.getByLabel("Reason for cancelling (the buyer sees it)").fill("Out of chillies this week");
    await page.getByRole("button", { name: "Yes, cancel the order" }).click();
    await expect(page.getByRole("status")).toHaveText("Order cancelled; its items are back in stock");
    await expect(page.getByText("Out of chillies this week", { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test("the packing slip prints on 80 mm paper", async ({ page }) => {
  const order = await placeTestOrder("Slip Test Buyer");
  await signInAsOwner(page, "en");
  await page.goto(`/en/groups/${group}/manage/orders/${order.id}/slip?format=thermal`);
  await expect(page.getByRole("heading", { name: `Packing slip ${order.number}` })).toBeVisible();
  await expect(page.getByRole("row", { name: /2 .* Old-recipe roasted chili paste/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const [, width] = pdf.match(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/) ?? [];
  expect(Number(width)).toBeCloseTo((80 / 25.4) * 72, 0);
});

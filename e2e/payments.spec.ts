/**
 * Issue 10's journey on a phone (360 × 740): a basket from two groups is paid by PromptPay straight
 * to each group (the buyer sees each group's QR and uploads each transfer slip), both groups'
 * owners confirm the money with the slip beside the order, the groups deliver, the hold passes by
 * the server's test clock (TEST_CLOCK_FILE, e2e/env.ts), and each group's money page shows its share.
 * The basket is placed through the checkout module on the server's database (the checkout page
 * has journeys of its own); everything after that is the browser's.
 */
import fs from "node:fs";
import crypto from "node:crypto";
import QRCode from "qrcode";
import sharp from "sharp";
import { slipVerify } from "promptparse/generate";
import { expect, test } from "./fixtures";
import { e2e } from "./env";
import { formatMoney } from "~/i18n/format";

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 180_000 });

const databaseUrl = `postgresql://sammachip:sammachip-local@127.0.0.1:${e2e.pgPort}/sammachip`;

async function slipPicture(transRef: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(slipVerify({ sendingBank: "004", transRef }), { type: "png", width: 220, margin: 2 });
  return sharp({ create: { width: 720, height: 1280, channels: 3, background: "#f4f7fb" } }).composite([{ input: qr, left: 460, top: 980 }]).jpeg().toBuffer();
}

test.afterEach(() => fs.rmSync(e2e.clockFile, { force: true }));

test("a two-group basket paid by PromptPay reaches each group's money page", async ({ page, browser, makeGroup, makeUser, signIn, db }) => {
  const groups = [await makeGroup({ products: [{ stock: 5, priceSatang: 25_000 }] }), await makeGroup({ products: [{ stock: 5, priceSatang: 18_050 }] })];
  const promptPayIds = ["0812223333", "0898765432"];
  for (const [index, group] of groups.entries()) {
    await db.occupationGroup.update({ where: { id: group.id }, data: { promptPayId: promptPayIds[index], payoutVerifiedAt: new Date() } });
    await db.shippingMethod.create({ data: { groupId: group.id, kind: "PICKUP_CENTRE", nameTh: "รับที่กลุ่ม", nameEn: "Pick up at the group", feeSatang: 0, position: 0 } });
  }
  const buyer = await makeUser({ name: "ผู้ซื้อ พร้อมเพย์" });

  process.env.DATABASE_URL = databaseUrl;
  const { ensureCart, putInCart } = await import("~/modules/cart/cart.server");
  const { placeOrder } = await import("~/modules/checkout/place-order.server");
  const cart = await ensureCart({ cartId: null });
  const shipping: Record<string, string> = {};
  for (const group of groups) {
    await putInCart(cart.id, { productId: group.products[0].id, quantity: 1 });
    shipping[group.id] = (await db.shippingMethod.findFirstOrThrow({ where: { groupId: group.id } })).id;
  }
  const placed = await placeOrder({
    cartId: cart.id,
    checkoutKey: crypto.randomUUID(),
    buyerId: buyer.id,
    locale: "th",
    contact: { recipientName: buyer.name, email: buyer.email, phone: "0812345678" },
    address: null,
    shipping,
    payment: "PROMPTPAY_DIRECT",
  });

  // The buyer pays each group from its own QR and attaches each slip.
  await signIn(buyer);
  await page.goto(`/orders/${placed.number}`);
  const forms = page.getByRole("form", { name: /แนบสลิปการโอนให้/ });
  await expect(forms).toHaveCount(2);
  await expect(page.getByRole("img", { name: /คิวอาร์พร้อมเพย์ของ/ })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "บันทึกรูปคิวอาร์" }).first()).toHaveAttribute("download", /\.png$/);
  for (let i = 0; i < 2; i++) {
    const form = page.getByRole("form", { name: /แนบสลิปการโอนให้/ }).first();
    await form.getByLabel("รูปสลิปการโอน").setInputFiles({ name: "slip.jpg", mimeType: "image/jpeg", buffer: await slipPicture(`${Date.now()}${i}E2E`) });
    await form.getByRole("button", { name: "ส่งสลิป" }).click();
    await expect(page.getByRole("status")).toContainText("ได้รับสลิปแล้ว");
  }
  await expect(page.getByText("ส่งสลิปแล้ว รอกลุ่มยืนยันยอดเงิน")).toHaveCount(2);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);

  // Each group's owner sees the slip beside the order and confirms the money.
  const groupOrders = await db.groupOrder.findMany({ where: { orderId: placed.id }, include: { group: { select: { slug: true } } } });
  for (const group of groups) {
    const groupOrder = groupOrders.find((candidate) => candidate.groupId === group.id)!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const ownerPage = await context.newPage();
    await signIn(group.owner, context);
    await ownerPage.goto(`/groups/${group.slug}/manage/orders/${groupOrder.id}`);
    await expect(ownerPage.getByRole("img", { name: "สลิปการโอนที่ผู้ซื้อแนบ" })).toBeVisible();
    await ownerPage.getByRole("button", { name: "ได้รับเงินจากผู้ซื้อแล้ว" }).click();
    await expect(ownerPage.getByRole("status")).toContainText("บันทึกว่าได้รับเงินแล้ว");
    await context.close();
  }

  // The groups hand the goods over.
  const { moveGroupOrder } = await import("~/modules/orders/lifecycle.server");
  for (const groupOrder of groupOrders) {
    const group = groups.find((candidate) => candidate.id === groupOrder.groupId)!;
    for (const to of ["ACCEPTED", "PACKED", "READY_FOR_PICKUP", "DELIVERED"] as const) await moveGroupOrder({ groupId: group.id, groupOrderId: groupOrder.id, to, actorId: group.owner.id });
  }
  // The hold passes: the server's clock runs eight days ahead.
  fs.writeFileSync(e2e.clockFile, String(8 * 24 * 3600_000));

  for (const group of groups) {
    const groupOrder = groupOrders.find((candidate) => candidate.groupId === group.id)!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const ownerPage = await context.newPage();
    await signIn(group.owner, context);
    await ownerPage.goto(`/groups/${group.slug}/manage/money`);
    const share = groupOrder.itemsSatang + groupOrder.shippingSatang - groupOrder.platformFeeSatang;
    await expect(ownerPage.getByTestId(`share-${placed.number}`)).toHaveText(formatMoney(share, "th"));
    await expect(ownerPage.getByTestId(`state-${placed.number}`)).toHaveText("ผู้ซื้อโอนตรงถึงกลุ่มแล้ว");
    await context.close();
  }
  const paid = await db.order.findUniqueOrThrow({ where: { id: placed.id }, include: { payments: true } });
  expect(paid.status).toBe("COMPLETED");
  expect(paid.payments.map((payment) => payment.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
});

/**
 * PromptPay straight to each group, end to end at the HTTP boundary: checkout offers it only when
 * every group has a verified PromptPay id; the buyer's order page shows one QR per group with that
 * group's id and the exact amount; a slip is read from its own QR and its reference kept; every bad
 * slip (no QR, not an image, a payment QR, none, someone else's, a reused one, no token) is refused
 * with a 4xx and a message in the buyer's language, changing nothing; the group confirms with the
 * slip beside the order and the ledger records money the group holds itself, in the same
 * transaction — its managers, or the member its owner seated as the committee's treasurer, who may
 * confirm but not refund, while a plain member is refused; an order nobody confirms expires and gives its stock back.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { en } from "~/i18n/en";
import { th } from "~/i18n/th";
import { changeMember } from "~/modules/groups/members.server";
import { expireUnpaidOrders } from "~/modules/orders/lifecycle.server";
import { offeredPayments } from "~/modules/payments/payments.server";
import { promptPayPayload, readPromptPayPayload } from "~/modules/payments/promptpay";
import * as buyerRoute from "~/routes/($lang).orders.$number";
import * as groupOrderRoute from "~/routes/($lang).groups.$slug_.manage.orders.$groupOrderId";
import * as slipRoute from "~/routes/($lang).groups.$slug_.manage_.orders.$groupOrderId.transfer-slip";
import { demoAccounts } from "../prisma/seed/demo";
import { cookiesFor, requestAs, userByEmail } from "./helpers";
import { groupA, groupB, ledgerOf, newReference, paymentQrPicture, plainPicture, preparePromptPayGroups, promptPayIds, promptPayOrder, slipPicture, slipRequest } from "./payment-fixtures";
import { outcome } from "./route-calls";

// A platform fee, so the ledger has one to account for (read once, at the first use of the config).
vi.hoisted(() => {
  process.env.PLATFORM_FEE_PERCENT = "5";
});

const context = { clientAddress: "127.0.0.1" };
const buyer = demoAccounts.consumer.email;
let buyerId: string;

beforeAll(async () => {
  await preparePromptPayGroups();
  buyerId = (await userByEmail(buyer)).id;
});

async function sendSlip(number: string, paymentId: string, file: Buffer | null, options: { as?: string; lang?: "en"; csrf?: string | null } = {}) {
  const { cookie, csrf } = await cookiesFor(options.as ?? buyer);
  const fields: Record<string, string> = { intent: "slip", paymentId };
  if (options.csrf !== null) fields.csrf = options.csrf ?? csrf;
  const request = slipRequest(`http://t${options.lang ? "/en" : ""}/orders/${number}`, cookie, fields, file);
  return outcome(() => buyerRoute.action({ request, params: { number, ...(options.lang ? { lang: options.lang } : {}) }, context }));
}

/** What a refused request must leave as it was: the order, its payments and the ledger. */
async function snapshot(orderId: string) {
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, include: { payments: { orderBy: { id: "asc" } } } });
  return { order, ledger: await db().ledgerTransaction.count({ where: { orderId } }), audit: await db().auditLog.count(), outbox: await db().outboxMessage.count() };
}

describe("checkout", () => {
  it("offers PromptPay to the groups only when every group in the basket has a verified PromptPay id", async () => {
    const groups = await db().occupationGroup.findMany({ where: { slug: { in: [groupA, groupB] } }, select: { id: true, promptPayId: true, payoutVerifiedAt: true } });
    expect(offeredPayments(groups)).toContain("PROMPTPAY_DIRECT");
    // No provider keys in this file: only the ways of paying the groups directly.
    expect(offeredPayments(groups)).toEqual(["PROMPTPAY_DIRECT", "CASH_ON_PICKUP"]);
    expect(offeredPayments([groups[0], { ...groups[1], promptPayId: null }])).not.toContain("PROMPTPAY_DIRECT");
    expect(offeredPayments([groups[0], { ...groups[1], payoutVerifiedAt: null }])).not.toContain("PROMPTPAY_DIRECT");
    expect(offeredPayments([groups[0], { ...groups[1], promptPayId: "12345" }])).not.toContain("PROMPTPAY_DIRECT");
  });

  it("makes one payment per group order for its exact total, and the order expires if unpaid", async () => {
    const order = await promptPayOrder(buyerId);
    expect(order.status).toBe("PENDING_PAYMENT");
    expect(order.expiresAt).not.toBeNull();
    expect(order.payments).toHaveLength(2);
    for (const groupOrder of order.groupOrders) {
      const payment = order.payments.find((candidate) => candidate.groupOrderId === groupOrder.id)!;
      expect(payment).toMatchObject({ provider: "PROMPTPAY_DIRECT", status: "PENDING", amountSatang: groupOrder.itemsSatang + groupOrder.shippingSatang });
    }
  });
});

describe("the buyer's order page", () => {
  it("shows each group's QR for that group's own PromptPay id and the exact amount", async () => {
    const order = await promptPayOrder(buyerId);
    const request = await requestAs(buyer, `http://t/orders/${order.number}`);
    const answer = await outcome(() => buyerRoute.loader({ request, params: { number: order.number }, context }));
    const { toPay } = answer.body as { toPay: { groupOrderId: string; amountSatang: number; qr: { payload: string; svg: string; pngDataUrl: string } }[] };
    expect(toPay).toHaveLength(2);
    for (const groupOrder of order.groupOrders) {
      const code = toPay.find((candidate) => candidate.groupOrderId === groupOrder.id)!;
      const total = groupOrder.itemsSatang + groupOrder.shippingSatang;
      expect(code.amountSatang).toBe(total);
      const tags = readPromptPayPayload(code.qr.payload)!;
      expect(tags.crcValid).toBe(true);
      expect(tags.amount).toBe((total / 100).toFixed(2));
      expect(tags).toEqual(readPromptPayPayload(promptPayPayload(promptPayIds[groupOrder.group.slug], total)));
      expect(code.qr.svg).toMatch(/^<svg[^>]*viewBox/);
      expect(code.qr.pngDataUrl).toMatch(/^data:image\/png;base64,/);
    }
  });
});

describe("slips", () => {
  it("reads the slip's own QR, keeps its reference, waits for the group and tells its confirmers", async () => {
    const order = await promptPayOrder(buyerId);
    const payment = order.payments[0];
    const reference = newReference();
    const before = await db().outboxMessage.count({ where: { topic: "EMAIL" } });
    const answer = await sendSlip(order.number, payment.id, await slipPicture(reference, "014"));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/orders/${order.number}?slip=sent`);
    const after = await db().payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after).toMatchObject({ status: "AWAITING_CONFIRMATION", slipReference: `014:${reference}` });
    expect(after.slipStorageKey).toMatch(/^slips\//);
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL" } })).toBeGreaterThan(before);
    // The group sees the picture; another group does not.
    const groupOrderId = payment.groupOrderId!;
    const slug = order.groupOrders.find((groupOrder) => groupOrder.id === groupOrderId)!.group.slug;
    const image = await outcome(async () => slipRoute.loader({ request: await requestAs(demoAccounts.ownerOf(slug).email, `http://t/groups/${slug}/manage/orders/${groupOrderId}/transfer-slip`), params: { slug, groupOrderId }, context }));
    expect(image.status).toBe(200);
    const otherSlug = slug === groupA ? groupB : groupA;
    const stranger = await outcome(async () => slipRoute.loader({ request: await requestAs(demoAccounts.ownerOf(otherSlug).email, `http://t/groups/${otherSlug}/manage/orders/${groupOrderId}/transfer-slip`), params: { slug: otherSlug, groupOrderId }, context }));
    expect(stranger.status).toBe(404);
  });

  it("refuses a slip already used for another order, and changes nothing", async () => {
    const reference = newReference();
    const first = await promptPayOrder(buyerId);
    expect((await sendSlip(first.number, first.payments[0].id, await slipPicture(reference))).status).toBe(302);
    const second = await promptPayOrder(buyerId);
    const before = await snapshot(second.id);
    const answer = await sendSlip(second.number, second.payments[0].id, await slipPicture(reference));
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ error: "pay.slip.alreadyUsed", paymentId: second.payments[0].id });
    expect(await snapshot(second.id)).toEqual(before);
  });

  const bad: [string, () => Promise<Buffer | null>, number, keyof typeof th.pay.slip][] = [
    ["a picture with no QR code", plainPicture, 422, "noQr"],
    ["a payment QR instead of a slip", () => paymentQrPicture(promptPayPayload("0812223333", 100)), 422, "notASlip"],
    ["a file that is not a picture", async () => Buffer.from("%PDF-1.4 not a picture at all"), 415, "notAnImage"],
    ["no file", async () => null, 400, "missing"],
  ];
  for (const [what, file, status, key] of bad) {
    it(`refuses ${what} with ${status} and a message in the buyer's language, changing nothing`, async () => {
      const order = await promptPayOrder(buyerId);
      const before = await snapshot(order.id);
      const answer = await sendSlip(order.number, order.payments[0].id, await file());
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ error: `pay.slip.${key}`, paymentId: order.payments[0].id });
      expect(th.pay.slip[key]).toMatch(/[\u0E00-\u0E7F]/);
      expect(en.pay.slip[key]).toMatch(/^[A-Z]/);
      expect(await snapshot(order.id)).toEqual(before);
    });
  }

  it("refuses a slip for someone else's order as if the order did not exist", async () => {
    const order = await promptPayOrder(buyerId);
    const before = await snapshot(order.id);
    const answer = await sendSlip(order.number, order.payments[0].id, await slipPicture(newReference()), { as: demoAccounts.ownerOf(groupA).email });
    expect(answer.status).toBe(404);
    expect(await snapshot(order.id)).toEqual(before);
  });

  it("refuses a slip for a payment of another order", async () => {
    const mine = await promptPayOrder(buyerId);
    const theirs = await promptPayOrder(null);
    const before = await snapshot(theirs.id);
    const answer = await sendSlip(mine.number, theirs.payments[0].id, await slipPicture(newReference()));
    expect(answer.status).toBe(409);
    expect(await snapshot(theirs.id)).toEqual(before);
  });

  it("refuses a slip posted without its CSRF token", async () => {
    const order = await promptPayOrder(buyerId);
    const before = await snapshot(order.id);
    const answer = await sendSlip(order.number, order.payments[0].id, await slipPicture(newReference()), { csrf: null });
    expect(answer.status).toBe(403);
    expect(await snapshot(order.id)).toEqual(before);
  });
});

describe("the group confirms", () => {
  it("with the slip beside the order; the ledger records the money the group holds, to the satang", async () => {
    await db().$executeRaw`SELECT 1`;
    const order = await promptPayOrder(buyerId);
    for (const payment of order.payments) expect((await sendSlip(order.number, payment.id, await slipPicture(newReference()))).status).toBe(302);
    for (const groupOrder of order.groupOrders) {
      const slug = groupOrder.group.slug;
      const owner = demoAccounts.ownerOf(slug).email;
      const url = `http://t/groups/${slug}/manage/orders/${groupOrder.id}`;
      const view = await outcome(async () => groupOrderRoute.loader({ request: await requestAs(owner, url), params: { slug, groupOrderId: groupOrder.id }, context }));
      const loaded = view.body as { canConfirmPayment: boolean; payment: string; groupOrder: { payments: { slipReference: string | null; hasSlipImage: boolean; slipStorageKey?: string }[] } };
      expect(loaded).toMatchObject({ canConfirmPayment: true, payment: "slipToCheck" });
      expect(loaded.groupOrder.payments[0]).toMatchObject({ hasSlipImage: true, slipReference: expect.stringMatching(/^004:/) });
      expect(loaded.groupOrder.payments[0].slipStorageKey).toBeUndefined();
      const confirmed = await outcome(async () => groupOrderRoute.action({ request: await requestAs(owner, url, { form: { intent: "confirm-payment" } }), params: { slug, groupOrderId: groupOrder.id }, context }));
      expect(confirmed.status).toBe(302);
      const total = groupOrder.itemsSatang + groupOrder.shippingSatang;
      const { balance, kinds } = await ledgerOf(groupOrder.id);
      expect(kinds).toEqual(expect.arrayContaining(["sale", "kept.direct"]));
      // The group holds the buyer's money itself: nothing is owed to it, it holds the platform's fee.
      expect(groupOrder.platformFeeSatang).toBeGreaterThan(0);
      expect(balance.GROUP_PAYABLE ?? 0).toBe(0);
      expect(balance.GROUP_CASH ?? 0).toBe(groupOrder.platformFeeSatang);
      expect(-(balance.PLATFORM_REVENUE ?? 0)).toBe(groupOrder.platformFeeSatang);
      expect(Object.values(balance).reduce((sum, value) => sum + value, 0)).toBe(0);
      expect(total).toBeGreaterThan(0);
    }
    const paid = await db().order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(paid.status).toBe("PAID");
    expect(paid.payments.every((payment) => payment.status === "SUCCEEDED")).toBe(true);
    // Confirming twice is refused, and records nothing more.
    const first = order.groupOrders[0];
    const entries = await db().ledgerEntry.count({ where: { groupOrderId: first.id } });
    const again = await outcome(async () =>
      groupOrderRoute.action({
        request: await requestAs(demoAccounts.ownerOf(first.group.slug).email, `http://t/groups/${first.group.slug}/manage/orders/${first.id}`, { form: { intent: "confirm-payment" } }),
        params: { slug: first.group.slug, groupOrderId: first.id },
        context,
      }),
    );
    expect(again.status).toBe(409);
    expect(await db().ledgerEntry.count({ where: { groupOrderId: first.id } })).toBe(entries);
  });
});

describe("the elected treasurer", () => {
  /** A member of `slug` with the MEMBER permission role, seated by the group's owner on the members page. */
  async function memberOf(slug: string, seat: "TREASURER" | "SECRETARY" | null) {
    const group = await db().occupationGroup.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const user = await db().user.create({ data: { email: `${seat ?? "plain"}.${newReference()}@test.local`, name: "สมาชิกกลุ่ม", passwordHash: "x" } });
    const membership = await db().groupMembership.create({ data: { userId: user.id, groupId: group.id, role: "MEMBER" } });
    const owner = await userByEmail(demoAccounts.ownerOf(slug).email);
    await changeMember({ groupId: group.id, actorId: owner.id, membershipId: membership.id, role: "MEMBER", committeeRole: seat });
    return user.email;
  }

  it("a member in the treasurer's seat confirms the money; a plain member or another seat is refused and nothing changes; refunds stay with managers", async () => {
    const order = await promptPayOrder(buyerId);
    const part = order.groupOrders[0];
    const slug = part.group.slug;
    const url = `http://t/groups/${slug}/manage/orders/${part.id}`;
    const params = { slug, groupOrderId: part.id };
    expect((await sendSlip(order.number, order.payments.find((payment) => payment.groupOrderId === part.id)!.id, await slipPicture(newReference()))).status).toBe(302);
    const treasurer = await memberOf(slug, "TREASURER");
    const refusedMembers = [await memberOf(slug, null), await memberOf(slug, "SECRETARY")];
    const before = await snapshot(order.id);
    for (const refused of refusedMembers) {
      const view = await outcome(async () => groupOrderRoute.loader({ request: await requestAs(refused, url), params, context }));
      expect(view.body).toMatchObject({ canConfirmPayment: false, canAct: false });
      const answer = await outcome(async () => groupOrderRoute.action({ request: await requestAs(refused, url, { form: { intent: "confirm-payment" } }), params, context }));
      expect(answer.status).toBe(403);
    }
    expect(await snapshot(order.id)).toEqual(before);

    const view = await outcome(async () => groupOrderRoute.loader({ request: await requestAs(treasurer, url), params, context }));
    expect(view.body).toMatchObject({ canConfirmPayment: true, canAct: false, canRefund: false, payment: "slipToCheck" });
    const confirmed = await outcome(async () => groupOrderRoute.action({ request: await requestAs(treasurer, url, { form: { intent: "confirm-payment" } }), params, context }));
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toMatch(/\?done=paid$/);
    const { kinds } = await ledgerOf(part.id);
    expect(kinds).toEqual(expect.arrayContaining(["sale", "fee.platform", "kept.direct"]));
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "payment.confirmed" }, orderBy: { createdAt: "desc" }, select: { actorId: true } });
    expect(audit.actorId).toBe((await userByEmail(treasurer)).id);
    // The seat confirms money, nothing more: a refund (or any move) is still a manager's.
    const refund = await outcome(async () => groupOrderRoute.action({ request: await requestAs(treasurer, url, { form: { intent: "refund", amount: "1", reason: "ของชำรุด" } }), params, context }));
    expect(refund.status).toBe(403);
  });
});

describe("expiry", () => {
  it("cancels an order nobody confirmed and gives its stock back; a group that confirmed keeps its part", async () => {
    const unpaid = await promptPayOrder(buyerId);
    const half = await promptPayOrder(buyerId);
    const product = await db().orderLine.findFirstOrThrow({ where: { groupOrderId: unpaid.groupOrders[0].id }, select: { productId: true } });
    const stockBefore = (await db().product.findUniqueOrThrow({ where: { id: product.productId! } })).stock;
    // Group A of `half` confirms; group B never hears of the money.
    const confirmedPart = half.groupOrders[0];
    const owner = demoAccounts.ownerOf(confirmedPart.group.slug).email;
    await groupOrderRoute.action({
      request: await requestAs(owner, `http://t/groups/${confirmedPart.group.slug}/manage/orders/${confirmedPart.id}`, { form: { intent: "confirm-payment" } }),
      params: { slug: confirmedPart.group.slug, groupOrderId: confirmedPart.id },
      context,
    });
    // Only these two orders are due at the clock the test sets.
    await db().order.updateMany({ where: { status: "PENDING_PAYMENT", id: { notIn: [unpaid.id, half.id] } }, data: { expiresAt: new Date(Date.now() + 100 * 24 * 3600_000) } });
    await expireUnpaidOrders(new Date(Date.now() + 40 * 24 * 3600_000), 1000);
    const gone = await db().order.findUniqueOrThrow({ where: { id: unpaid.id }, include: { payments: true, groupOrders: true } });
    expect(gone.status).toBe("EXPIRED");
    expect(gone.payments.every((payment) => payment.status === "EXPIRED")).toBe(true);
    expect(gone.groupOrders.every((groupOrder) => groupOrder.status === "CANCELLED")).toBe(true);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.productId! } })).stock).toBe(stockBefore + 1);
    const kept = await db().order.findUniqueOrThrow({ where: { id: half.id }, include: { groupOrders: { orderBy: { createdAt: "asc" } } } });
    expect(kept.status).toBe("PAID");
    expect(kept.groupOrders.map((groupOrder) => groupOrder.status)).toEqual(["NEW", "CANCELLED"]);
  });
});

/**
 * The money after it arrives: refunds and cancellations (by hand for money a group holds, with who
 * sent it; never more than was paid), payouts computed from the ledger and released only after
 * delivery plus PAYOUT_HOLD_DAYS or the buyer's "received", and `ledger:check`'s proof after each
 * — which also catches an unbalanced transaction and a payment missing from the ledger.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { confirmPaymentReceived, confirmReceivedByBuyer, moveGroupOrder } from "~/modules/orders/lifecycle.server";
import { recordPayoutSentByHand, releaseDate, runPayouts } from "~/modules/payments/payouts.server";
import { settlePlatformPayment } from "~/modules/payments/settlement.server";
import * as groupOrderRoute from "~/routes/($lang).groups.$slug_.manage.orders.$groupOrderId";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";
import { deliver, ledgerOf, platformPaidOrder, preparePromptPayGroups, promptPayOrder } from "./payment-fixtures";
import { outcome } from "./route-calls";

vi.hoisted(() => {
  process.env.PLATFORM_FEE_PERCENT = "7";
  process.env.PAYOUT_HOLD_DAYS = "7";
});

const context = { clientAddress: "127.0.0.1" };
const DAY = 24 * 3600_000;
let buyerId: string;

beforeAll(async () => {
  await preparePromptPayGroups();
  buyerId = (await userByEmail(demoAccounts.consumer.email)).id;
});

async function expectLedgerProven() {
  const report = await checkLedger();
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  return report;
}

/** A PromptPay order whose two groups both confirmed the money. */
async function paidDirectOrder() {
  const order = await promptPayOrder(buyerId);
  for (const groupOrder of order.groupOrders) {
    const owner = await userByEmail(demoAccounts.ownerOf(groupOrder.group.slug).email);
    await confirmPaymentReceived({ groupId: groupOrder.groupId, groupOrderId: groupOrder.id, actorId: owner.id });
  }
  return order;
}

async function refundForm(groupOrder: { id: string; group: { slug: string } }, form: Record<string, string>) {
  const slug = groupOrder.group.slug;
  const request = await requestAs(demoAccounts.ownerOf(slug).email, `http://t/groups/${slug}/manage/orders/${groupOrder.id}`, { form: { intent: "refund", ...form } });
  return outcome(() => groupOrderRoute.action({ request, params: { slug, groupOrderId: groupOrder.id }, context }));
}

describe("refunds of money a group holds", () => {
  it("are recorded with who sent them back; a refund larger than what is left is refused and changes nothing", async () => {
    const order = await paidDirectOrder();
    const part = order.groupOrders[0];
    const total = part.itemsSatang + part.shippingSatang;
    const owner = await userByEmail(demoAccounts.ownerOf(part.group.slug).email);
    expect((await refundForm(part, { amount: "10.50", reason: "ของชำรุดหนึ่งชิ้น" })).status).toBe(302);
    const refund = await db().refund.findFirstOrThrow({ where: { groupOrderId: part.id } });
    expect(refund).toMatchObject({ amountSatang: 1050, manual: true, status: "SUCCEEDED", sentById: owner.id });
    await expectLedgerProven();

    const before = { refunds: await db().refund.count(), ledger: await db().ledgerEntry.count(), payment: await db().payment.findFirstOrThrow({ where: { groupOrderId: part.id } }) };
    const tooMuch = await refundForm(part, { amount: ((total - 1050 + 1) / 100).toFixed(2), reason: "คืนทั้งหมด" });
    expect(tooMuch.status).toBe(400);
    expect((tooMuch.body as { refused: { key: string } }).refused.key).toBe("pay.refund.tooLarge");
    expect({ refunds: await db().refund.count(), ledger: await db().ledgerEntry.count(), payment: await db().payment.findFirstOrThrow({ where: { groupOrderId: part.id } }) }).toEqual(before);
    for (const amount of ["", "abc", "-5", "0"]) expect((await refundForm(part, { amount, reason: "x" })).status).toBe(400);

    // The rest, exactly: the group order ends at zero in every account, the platform's fee given back.
    expect((await refundForm(part, { amount: ((total - 1050) / 100).toFixed(2), reason: "คืนส่วนที่เหลือ" })).status).toBe(302);
    const { balance } = await ledgerOf(part.id);
    expect(Object.fromEntries(Object.entries(balance).map(([account, value]) => [account, value + 0]))).toEqual({ GROUP_CASH: 0, GROUP_PAYABLE: 0, PLATFORM_REVENUE: 0 });
    expect((await db().payment.findFirstOrThrow({ where: { groupOrderId: part.id } })).status).toBe("REFUNDED");
    await expectLedgerProven();
  });

  it("a paid group order cancelled by its group waits for the group to send the money back, then is recorded", async () => {
    const order = await paidDirectOrder();
    const part = order.groupOrders[1];
    const owner = await userByEmail(demoAccounts.ownerOf(part.group.slug).email);
    await moveGroupOrder({ groupId: part.groupId, groupOrderId: part.id, to: "CANCELLED", actorId: owner.id, details: { reason: "วัตถุดิบหมด" } });
    const waiting = await db().refund.findFirstOrThrow({ where: { groupOrderId: part.id } });
    const total = part.itemsSatang + part.shippingSatang;
    expect(waiting).toMatchObject({ status: "PENDING", manual: true, amountSatang: total });
    expect((await refundForm(part, { amount: (total / 100).toFixed(2), reason: "โอนคืนแล้ว" })).status).toBe(302);
    expect(await db().refund.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "SUCCEEDED", sentById: owner.id });
    expect(await db().refund.count({ where: { groupOrderId: part.id } })).toBe(1);
    await expectLedgerProven();
  });
});

describe("payouts of money the platform collected", () => {
  it("are held until delivery plus the hold, then computed from the ledger and recorded when sent", async () => {
    const { order, outcome: settled } = await platformPaidOrder(buyerId, 365);
    expect(settled).toBe("succeeded");
    await expectLedgerProven();
    const deliveredAt = new Date(Date.now() - DAY);
    for (const part of order.groupOrders) await deliver(part.id, deliveredAt);
    const owed = await Promise.all(order.groupOrders.map(async (part) => -((await ledgerOf(part.id)).balance.GROUP_PAYABLE ?? 0)));
    for (const [index, part] of order.groupOrders.entries()) {
      const fresh = await db().groupOrder.findUniqueOrThrow({ where: { id: part.id } });
      expect(owed[index]).toBe(part.itemsSatang + part.shippingSatang - part.platformFeeSatang - fresh.providerFeeSatang);
      expect(releaseDate(fresh)).toEqual(new Date(deliveredAt.getTime() + 7 * DAY));
    }
    // Day 6 after delivery: nothing moves.
    const early = await runPayouts(new Date(deliveredAt.getTime() + 6 * DAY));
    expect(await db().payout.count({ where: { groupOrders: { some: { orderId: order.id } } } })).toBe(0);
    expect(early.created).toBe(0);
    // Day 8: each group gets one payout for exactly what it is owed; without Omise keys staff send it by hand.
    await runPayouts(new Date(deliveredAt.getTime() + 8 * DAY));
    const payouts = await db().payout.findMany({ where: { groupOrders: { some: { orderId: order.id } } }, include: { groupOrders: true } });
    expect(payouts).toHaveLength(2);
    for (const [index, part] of order.groupOrders.entries()) {
      const payout = payouts.find((candidate) => candidate.groupOrders.some((groupOrder) => groupOrder.id === part.id))!;
      expect(payout).toMatchObject({ groupId: part.groupId, amountSatang: owed[index], status: "PENDING", method: "PROMPTPAY" });
    }
    // A second run claims nothing twice.
    await runPayouts(new Date(deliveredAt.getTime() + 9 * DAY));
    expect(await db().payout.count({ where: { groupOrders: { some: { orderId: order.id } } } })).toBe(2);
    const staff = await userByEmail(demoAccounts.staff.email);
    for (const payout of payouts) await recordPayoutSentByHand({ payoutId: payout.id, reference: `KBANK-${payout.id.slice(-6)}`, actorId: staff.id });
    for (const part of order.groupOrders) expect((await ledgerOf(part.id)).balance.GROUP_PAYABLE ?? 0).toBe(0);
    const report = await expectLedgerProven();
    expect(report.totals.paidOut).toBeGreaterThanOrEqual(owed[0] + owed[1]);
  });

  it("the buyer's \"received\" releases a group's money before the hold ends", async () => {
    const { order } = await platformPaidOrder(buyerId);
    const part = order.groupOrders[0];
    const deliveredAt = new Date();
    await deliver(part.id, deliveredAt);
    await confirmReceivedByBuyer({ orderId: order.id, groupOrderId: part.id, actorId: buyerId, now: deliveredAt });
    await runPayouts(new Date(deliveredAt.getTime() + DAY));
    expect(await db().groupOrder.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({ payoutId: expect.any(String) });
    expect((await db().groupOrder.findUniqueOrThrow({ where: { id: order.groupOrders[1].id } })).payoutId).toBeNull();
  });

  it("a webhook's success delivered ten times is one payment in the ledger; a forged amount or currency is refused", async () => {
    const { order, payment } = await platformPaidOrder(buyerId);
    const entries = await db().ledgerEntry.count({ where: { transaction: { paymentId: payment.id } } });
    for (let i = 0; i < 10; i++) {
      expect(await settlePlatformPayment({ provider: "OMISE", paymentId: payment.id, state: { status: "succeeded", amountSatang: order.totalSatang, currency: "THB", feeSatang: 365 } })).toBe("unchanged");
    }
    expect(await db().ledgerEntry.count({ where: { transaction: { paymentId: payment.id } } })).toBe(entries);
    await expect(settlePlatformPayment({ provider: "OMISE", paymentId: payment.id, state: { status: "succeeded", amountSatang: order.totalSatang - 1, currency: "THB", feeSatang: 0 } })).rejects.toThrow(/expected/);
    await expect(settlePlatformPayment({ provider: "OMISE", paymentId: payment.id, state: { status: "succeeded", amountSatang: order.totalSatang, currency: "USD", feeSatang: 0 } })).rejects.toThrow(/expected/);
    await expectLedgerProven();
  });
});

describe("ledger:check", () => {
  it("fails for an unbalanced transaction and for a payment the ledger does not hold", async () => {
    await expectLedgerProven();
    const order = await promptPayOrder(buyerId);
    // A payment marked paid behind the ledger's back.
    await db().payment.update({ where: { id: order.payments[0].id }, data: { status: "SUCCEEDED" } });
    const missing = await checkLedger();
    expect(missing.ok).toBe(false);
    expect(missing.problems.join("\n")).toContain(order.payments[0].id);
    await db().payment.update({ where: { id: order.payments[0].id }, data: { status: "PENDING" } });
    const broken = await db().ledgerTransaction.create({ data: { kind: "sale", key: "broken:1", entries: { create: [{ account: "PLATFORM_REVENUE", amountSatang: 5 }] } } });
    const unbalanced = await checkLedger();
    expect(unbalanced.ok).toBe(false);
    expect(unbalanced.unbalanced).toEqual([{ key: "broken:1", kind: "sale", sum: 5 }]);
    await db().ledgerTransaction.delete({ where: { id: broken.id } });
    await expectLedgerProven();
  });
});

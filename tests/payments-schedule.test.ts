/**
 * The money schedule (runMoneySchedule, what startPayoutSchedule runs every PAYOUT_INTERVAL_MINUTES)
 * against Omise, its HTTP intercepted in-process (msw) with answers in the shapes Omise documents:
 * a refund Omise cannot take now is asked again only after its backoff, one Omise reports pending
 * is looked up (never made twice) until it closes, and only then is it in the ledger; a Stripe
 * refund goes through the session's PaymentIntent with the refund's idempotency key, likewise; a transfer
 * still on its way is checked, backing off, until it is paid, or fails — then the payout is FAILED,
 * its ledger transaction reversed so the group is owed the money again, and staff's retry sends a
 * new transfer. ledger:check holds after each.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { moveGroupOrder } from "~/modules/orders/lifecycle.server";
import { retryPayout } from "~/modules/payments/payouts.server";
import { runMoneySchedule } from "~/modules/payments/schedule.server";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";
import { deliver, platformPaidOrder, preparePromptPayGroups } from "./payment-fixtures";

vi.hoisted(() => {
  process.env.OMISE_PUBLIC_KEY = "pkey_test_5x0000000000000000";
  process.env.OMISE_SECRET_KEY = "skey_test_5x0000000000000000";
  process.env.PLATFORM_FEE_PERCENT = "5";
  process.env.PAYOUT_HOLD_DAYS = "7";
  process.env.STRIPE_SECRET_KEY = "sk_test_0000000000000000000000";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test0000000000000000000000";
});

/** Omise's state as its API would answer, and how the next refund request is answered. */
const refunds: Record<string, unknown>[] = [];
const transfers: Record<string, unknown>[] = [];
const calls: string[] = [];
let refundAnswer: "unavailable" | "pending" = "pending";
/** Stripe's refunds, and what each create call carried. */
const stripeRefunds: Record<string, unknown>[] = [];
const stripeCreates: { body: URLSearchParams; idempotencyKey: string | null }[] = [];
const omiseError = (status: number, code: string, message: string) => HttpResponse.json({ object: "error", location: `https://www.omise.co/api-errors#${code}`, code, message }, { status });

const server = setupServer(
  http.get("https://api.omise.co/charges/:id/refunds", ({ params }) => {
    calls.push(`GET /charges/${params.id}/refunds`);
    const data = refunds.filter((refund) => refund.charge === params.id);
    return HttpResponse.json({ object: "list", data, limit: 100, offset: 0, total: data.length });
  }),
  http.post("https://api.omise.co/charges/:id/refunds", async ({ params, request }) => {
    calls.push(`POST /charges/${params.id}/refunds`);
    if (refundAnswer === "unavailable") return omiseError(503, "service_unavailable", "Omise is temporarily unavailable");
    const body = (await request.json()) as { amount: number; metadata: Record<string, string> };
    const refund = { object: "refund", id: `rfnd_test_${refunds.length + 1}`, livemode: false, amount: body.amount, currency: "thb", status: "pending", charge: params.id, voided: false, metadata: body.metadata, created_at: "2026-11-28T10:00:00Z" };
    refunds.push(refund);
    return HttpResponse.json(refund);
  }),
  http.get("https://api.stripe.com/v1/checkout/sessions/:id", ({ params }) =>
    HttpResponse.json({ id: params.id, object: "checkout.session", payment_intent: `pi_for_${params.id}`, amount_total: 1, currency: "thb", payment_status: "paid", status: "complete" }),
  ),
  http.get("https://api.stripe.com/v1/refunds", ({ request }) => {
    const intent = new URL(request.url).searchParams.get("payment_intent");
    calls.push(`GET /v1/refunds ${intent}`);
    return HttpResponse.json({ object: "list", url: "/v1/refunds", has_more: false, data: stripeRefunds.filter((refund) => refund.payment_intent === intent) });
  }),
  http.post("https://api.stripe.com/v1/refunds", async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    stripeCreates.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
    const refund = { id: `re_test_${stripeRefunds.length + 1}`, object: "refund", amount: Number(body.get("amount")), currency: "thb", payment_intent: body.get("payment_intent"), status: "pending", failure_reason: null, metadata: { refund_id: body.get("metadata[refund_id]") } };
    stripeRefunds.push(refund);
    return HttpResponse.json(refund);
  }),
  http.get("https://api.omise.co/recipients/:id", ({ params }) =>
    HttpResponse.json({ object: "recipient", id: params.id, livemode: false, active: true, verified: true, failure_code: null, type: "corporation" }),
  ),
  http.get("https://api.omise.co/transfers", () => HttpResponse.json({ object: "list", data: transfers, limit: 100, offset: 0, total: transfers.length })),
  http.get("https://api.omise.co/transfers/:id", ({ params }) => {
    calls.push(`GET /transfers/${params.id}`);
    const found = transfers.find((transfer) => transfer.id === params.id);
    return found ? HttpResponse.json(found) : omiseError(404, "not_found", "transfer was not found");
  }),
  http.post("https://api.omise.co/transfers", async ({ request }) => {
    const body = (await request.json()) as { amount: number; recipient: string; metadata: Record<string, string> };
    calls.push(`POST /transfers ${body.recipient} ${body.amount}`);
    // Sent to the bank, not yet paid: Omise says so with sent true, paid false.
    const transfer = { object: "transfer", id: `trsf_test_${transfers.length + 1}`, livemode: false, amount: body.amount, currency: "THB", fee: 3000, fee_vat: 210, sent: true, paid: false, failure_code: null, failure_message: null, recipient: body.recipient, metadata: body.metadata };
    transfers.push(transfer);
    return HttpResponse.json(transfer);
  }),
);

beforeAll(async () => {
  server.listen();
  await preparePromptPayGroups();
});
afterAll(() => server.close());
beforeEach(() => {
  calls.length = 0;
});

const MINUTE = 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function expectLedgerProven() {
  const report = await checkLedger();
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}

describe("provider refunds on the schedule", () => {
  it("wait out Omise being down with a backoff, are looked up while pending, and reach the ledger once closed", async () => {
    const { order, payment } = await platformPaidOrder(null);
    const part = order.groupOrders[0];
    const owner = await userByEmail(demoAccounts.ownerOf(part.group.slug).email);
    await moveGroupOrder({ groupId: part.groupId, groupOrderId: part.id, to: "CANCELLED", actorId: owner.id, details: { reason: "วัตถุดิบหมด" } });
    const refund = await db().refund.findFirstOrThrow({ where: { groupOrderId: part.id } });
    expect(refund).toMatchObject({ status: "PENDING", manual: false, amountSatang: part.itemsSatang + part.shippingSatang });
    const refundEntries = () => db().ledgerTransaction.count({ where: { refundId: refund.id } });

    const t0 = new Date();
    refundAnswer = "unavailable";
    expect((await runMoneySchedule(t0)).refunds).toMatchObject({ sent: 0, waiting: 1 });
    expect(await db().refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: later(t0, MINUTE) });
    expect(calls.filter((call) => call.startsWith("POST"))).toHaveLength(1);

    // Within the backoff Omise is not asked again.
    refundAnswer = "pending";
    expect((await runMoneySchedule(later(t0, 30_000))).refunds).toMatchObject({ sent: 0, waiting: 0 });
    expect(calls.filter((call) => call.startsWith("POST"))).toHaveLength(1);

    const t1 = later(t0, MINUTE);
    expect((await runMoneySchedule(t1)).refunds).toMatchObject({ sent: 0, waiting: 1 });
    const pending = await db().refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(pending).toMatchObject({ status: "PENDING", attempts: 2, providerRef: "rfnd_test_1", nextAttemptAt: later(t1, 2 * MINUTE) });
    expect(await refundEntries()).toBe(0);

    // Omise closes it; the next look finds the refund made before instead of making another.
    refunds[0].status = "closed";
    const t2 = later(t1, 2 * MINUTE);
    expect((await runMoneySchedule(t2)).refunds).toMatchObject({ sent: 1 });
    expect(calls.filter((call) => call.startsWith(`POST /charges/${payment.providerRef}/refunds`))).toHaveLength(2);
    expect(refunds).toHaveLength(1);
    expect(await db().refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "SUCCEEDED", providerRef: "rfnd_test_1", completedAt: t2 });
    expect(await refundEntries()).toBeGreaterThan(0);
    expect((await db().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PARTIALLY_REFUNDED");
    // Settled: the schedule leaves it alone from now on.
    expect((await runMoneySchedule(later(t2, 600 * MINUTE))).refunds).toMatchObject({ sent: 0, waiting: 0, failed: 0 });
    await expectLedgerProven();
  });
});

describe("Stripe refunds on the schedule", () => {
  it("go through the session's PaymentIntent with the refund's idempotency key, once, and reach the ledger when Stripe says succeeded", async () => {
    const { settlePlatformPayment } = await import("~/modules/payments/settlement.server");
    const { promptPayOrder } = await import("./payment-fixtures");
    const order = await promptPayOrder(null);
    await db().payment.deleteMany({ where: { orderId: order.id } });
    await db().order.update({ where: { id: order.id }, data: { paymentProvider: "STRIPE" } });
    const payment = await db().payment.create({ data: { orderId: order.id, provider: "STRIPE", method: "CARD", amountSatang: order.totalSatang, idempotencyKey: `stripe:${order.id}:1`, providerRef: `cs_test_${order.id}` } });
    await settlePlatformPayment({ provider: "STRIPE", paymentId: payment.id, state: { status: "succeeded", amountSatang: order.totalSatang, currency: "thb", feeSatang: 0 } });
    const part = order.groupOrders[1];
    const owner = await userByEmail(demoAccounts.ownerOf(part.group.slug).email);
    await moveGroupOrder({ groupId: part.groupId, groupOrderId: part.id, to: "CANCELLED", actorId: owner.id, details: { reason: "ส่งไม่ได้" } });
    const refund = await db().refund.findFirstOrThrow({ where: { groupOrderId: part.id } });

    const t0 = new Date();
    expect((await runMoneySchedule(t0)).refunds).toMatchObject({ waiting: 1 });
    expect(stripeCreates).toHaveLength(1);
    expect(stripeCreates[0].idempotencyKey).toBe(refund.idempotencyKey);
    expect(Object.fromEntries(stripeCreates[0].body)).toMatchObject({ payment_intent: `pi_for_cs_test_${order.id}`, amount: String(refund.amountSatang), "metadata[refund_id]": refund.id });
    expect(await db().refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "PENDING", providerRef: "re_test_1", attempts: 1 });
    expect(await db().ledgerTransaction.count({ where: { refundId: refund.id } })).toBe(0);

    stripeRefunds[0].status = "succeeded";
    expect((await runMoneySchedule(later(t0, MINUTE))).refunds).toMatchObject({ sent: 1 });
    expect(stripeCreates).toHaveLength(1);
    expect(await db().refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "SUCCEEDED", providerRef: "re_test_1" });
    expect(await db().ledgerTransaction.count({ where: { refundId: refund.id } })).toBeGreaterThan(0);
    await expectLedgerProven();
  });
});

describe("transfers still on their way", () => {
  it("are checked with a backoff until paid, or failed and reversed in the ledger, then retried by staff", async () => {
    const { order } = await platformPaidOrder(null);
    for (const part of order.groupOrders) {
      await deliver(part.id, new Date(Date.now() - 10 * 24 * 3600_000));
      await db().occupationGroup.update({ where: { id: part.groupId }, data: { omiseRecipientId: `recp_test_${part.groupId}` } });
    }
    const owed = (groupOrderId: string) => db().ledgerEntry.aggregate({ where: { groupOrderId, account: "GROUP_PAYABLE" }, _sum: { amountSatang: true } }).then((sum) => 0 - (sum._sum.amountSatang ?? 0));
    const t0 = new Date();
    const run = await runMoneySchedule(t0);
    expect(run.payouts).toMatchObject({ created: 2, paid: 2 });
    const [arrives, fails] = await Promise.all(order.groupOrders.map((part) => db().payout.findFirstOrThrow({ where: { groupOrders: { some: { id: part.id } } } })));
    for (const payout of [arrives, fails]) expect(payout).toMatchObject({ status: "PROCESSING", reference: expect.stringMatching(/^trsf_test_/), nextCheckAt: null });
    // Recorded when sent: the groups are owed nothing more while the transfers travel.
    for (const part of order.groupOrders) expect(await owed(part.id)).toBe(0);
    await expectLedgerProven();

    // Still on the way: asked once, then not again until half the payout's age (at least a minute) has passed.
    const t1 = later(t0, MINUTE);
    expect((await runMoneySchedule(t1)).transfers).toMatchObject({ waiting: 2 });
    expect(calls.filter((call) => call.startsWith("GET /transfers/"))).toHaveLength(2);
    expect((await db().payout.findUniqueOrThrow({ where: { id: arrives.id } })).nextCheckAt!.getTime()).toBeGreaterThanOrEqual(later(t1, MINUTE).getTime());
    expect((await runMoneySchedule(later(t1, 10_000))).transfers).toMatchObject({ waiting: 0, paid: 0, failed: 0 });
    expect(calls.filter((call) => call.startsWith("GET /transfers/"))).toHaveLength(2);

    transfers.find((transfer) => transfer.id === arrives.reference)!.paid = true;
    Object.assign(transfers.find((transfer) => transfer.id === fails.reference)!, { sent: false, failure_code: "transfer_rejected", failure_message: "the bank rejected the transfer" });
    const t2 = later(t1, 10 * MINUTE);
    expect((await runMoneySchedule(t2)).transfers).toMatchObject({ paid: 1, failed: 1 });
    expect(await db().payout.findUniqueOrThrow({ where: { id: arrives.id } })).toMatchObject({ status: "PAID", paidAt: t2 });
    expect(await db().payout.findUniqueOrThrow({ where: { id: fails.id } })).toMatchObject({ status: "FAILED", failureReason: "the bank rejected the transfer" });
    const failedPart = order.groupOrders.find((part) => part.groupId === fails.groupId)!;
    // The failed transfer is undone in the ledger, its fee too: the group is owed its money again.
    expect(await owed(failedPart.id)).toBe(fails.amountSatang);
    expect(await db().ledgerTransaction.count({ where: { payoutId: fails.id, kind: "payout.reversed" } })).toBe(1);
    await expectLedgerProven();

    // Staff retry: a new transfer (the failed one is not mistaken for it), recorded under its own key.
    const staff = await userByEmail(demoAccounts.staff.email);
    expect(await retryPayout({ payoutId: fails.id, actorId: staff.id })).toBe("PROCESSING");
    expect(calls.filter((call) => call.startsWith("POST /transfers"))).toHaveLength(3);
    expect(await owed(failedPart.id)).toBe(0);
    transfers.at(-1)!.paid = true;
    expect((await runMoneySchedule(later(t2, 600 * MINUTE))).transfers).toMatchObject({ paid: 1 });
    expect(await db().payout.findUniqueOrThrow({ where: { id: fails.id } })).toMatchObject({ status: "PAID", attempts: 2 });
    expect(await db().ledgerTransaction.count({ where: { payoutId: fails.id, kind: "payout" } })).toBe(2);
    await expectLedgerProven();
  });
});

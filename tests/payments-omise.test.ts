/**
 * Omise, with its HTTP intercepted in-process (msw) and answers in the shape Omise's API documents:
 * a webhook is trusted only after the charge is fetched back; the same event delivered ten times
 * is one payment; a forged amount or currency, an unknown charge or a malformed body is refused
 * and changes nothing; a failed and an expired charge close the payment; the 3-D Secure return
 * settles by re-fetching; a payout to a group goes through an Omise transfer only to a recipient
 * that is active and verified, with the transfer's fee in the ledger; ledger:check holds after each.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { runPayouts } from "~/modules/payments/payouts.server";
import { refreshOmiseCharge } from "~/modules/payments/providers/omise/omise.server";
import * as webhookRoute from "~/routes/api.webhooks.omise";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";
import { deliver, preparePromptPayGroups, promptPayOrder } from "./payment-fixtures";

vi.hoisted(() => {
  process.env.OMISE_PUBLIC_KEY = "pkey_test_5x0000000000000000";
  process.env.OMISE_SECRET_KEY = "skey_test_5x0000000000000000";
  process.env.PLATFORM_FEE_PERCENT = "5";
});

/** Omise's state, as its API would answer: charges, recipients and transfers by id. */
const charges = new Map<string, Record<string, unknown>>();
const recipients = new Map<string, { active: boolean; verified: boolean }>();
const transfers: Record<string, unknown>[] = [];
const calls: string[] = [];

const charge = (id: string, amount: number, status: string, extra: Record<string, unknown> = {}) => ({
  object: "charge",
  id,
  livemode: false,
  location: `/charges/${id}`,
  amount,
  currency: "THB",
  status,
  paid: status === "successful",
  authorize_uri: status === "pending" ? `https://api.omise.co/payments/${id}/authorize` : null,
  fee: Math.round(amount * 0.0365),
  fee_vat: Math.round(amount * 0.0365 * 0.07),
  failure_code: status === "failed" ? "insufficient_fund" : null,
  failure_message: status === "failed" ? "insufficient funds in the account" : null,
  refunded_amount: 0,
  metadata: {},
  source: null,
  created_at: "2026-11-28T09:00:00Z",
  ...extra,
});

const server = setupServer(
  http.get("https://api.omise.co/charges/:id", ({ params }) => {
    calls.push(`GET /charges/${params.id}`);
    const found = charges.get(String(params.id));
    return found ? HttpResponse.json(found) : HttpResponse.json({ object: "error", location: "https://www.omise.co/api-errors#not-found", code: "not_found", message: "charge was not found" }, { status: 404 });
  }),
  http.get("https://api.omise.co/recipients/:id", ({ params }) => {
    calls.push(`GET /recipients/${params.id}`);
    const found = recipients.get(String(params.id));
    return HttpResponse.json({ object: "recipient", id: params.id, livemode: false, active: found?.active ?? false, verified: found?.verified ?? false, failure_code: null, type: "corporation" });
  }),
  http.get("https://api.omise.co/transfers", () => HttpResponse.json({ object: "list", data: transfers, limit: 100, offset: 0, total: transfers.length })),
  http.post("https://api.omise.co/transfers", async ({ request }) => {
    const body = (await request.json()) as { amount: number; recipient: string; metadata: Record<string, string> };
    calls.push(`POST /transfers ${body.recipient} ${body.amount}`);
    const transfer = { object: "transfer", id: `trsf_test_${transfers.length + 1}`, livemode: false, amount: body.amount, currency: "THB", fee: 3000, fee_vat: 210, sent: true, paid: true, failure_code: null, failure_message: null, recipient: body.recipient, metadata: body.metadata };
    transfers.push(transfer);
    return HttpResponse.json(transfer);
  }),
);

beforeAll(async () => {
  server.listen();
  await preparePromptPayGroups();
});
afterAll(() => server.close());

let counter = 0;
/** An order paid by Omise card: our payment row pointing at Omise charge `id`, as payWithOmise leaves it. */
async function omiseOrder(status = "successful") {
  const placed = await promptPayOrder(null);
  await db().payment.deleteMany({ where: { orderId: placed.id } });
  await db().order.update({ where: { id: placed.id }, data: { paymentProvider: "OMISE" } });
  const id = `chrg_test_${Date.now()}_${++counter}`;
  const payment = await db().payment.create({ data: { orderId: placed.id, provider: "OMISE", method: "CARD", amountSatang: placed.totalSatang, idempotencyKey: `omise:${placed.id}:1`, providerRef: id } });
  charges.set(id, charge(id, placed.totalSatang, status));
  return { order: placed, payment, chargeId: id };
}

const event = (chargeId: string, key = "charge.complete", id = `evnt_test_${Date.now()}_${++counter}`) => ({ object: "event", id, livemode: false, key, created_at: "2026-11-28T09:01:00Z", data: { object: "charge", id: chargeId, status: "successful", amount: 1 } });

async function deliverWebhook(body: unknown) {
  const request = new Request("http://t/api/webhooks/omise", { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return (await webhookRoute.action({ request, params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
}

async function state(orderId: string) {
  return {
    order: await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } }),
    payments: await db().payment.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    ledger: await db().ledgerEntry.count({ where: { transaction: { orderId } } }),
  };
}

async function expectLedgerProven() {
  const report = await checkLedger();
  expect(report.problems).toEqual([]);
}

describe("Omise webhooks", () => {
  it("a paid order: the charge is re-fetched, the payment succeeds with Omise's fee in the ledger; ten deliveries are one payment", async () => {
    const { order, payment, chargeId } = await omiseOrder();
    const hook = event(chargeId);
    for (let i = 0; i < 10; i++) expect((await deliverWebhook(hook)).status).toBe(200);
    expect(calls.filter((call) => call === `GET /charges/${chargeId}`)).toHaveLength(1);
    const after = await state(order.id);
    expect(after.order.status).toBe("PAID");
    const fee = Math.round(order.totalSatang * 0.0365) + Math.round(order.totalSatang * 0.0365 * 0.07);
    expect(after.payments[0]).toMatchObject({ status: "SUCCEEDED", feeSatang: fee });
    expect(await db().webhookEvent.count({ where: { eventId: hook.id } })).toBe(1);
    // The same charge under other event ids changes nothing more either.
    for (let i = 0; i < 3; i++) expect((await deliverWebhook(event(chargeId))).status).toBe(200);
    expect((await state(order.id)).ledger).toBe(after.ledger);
    expect(payment.id).toBe(after.payments[0].id);
    await expectLedgerProven();
  });

  it("is believed for nothing but ids: a body saying paid while Omise says pending changes nothing", async () => {
    const { order, chargeId } = await omiseOrder("pending");
    const before = await state(order.id);
    expect((await deliverWebhook(event(chargeId))).status).toBe(200);
    expect(await state(order.id)).toEqual(before);
  });

  it("refuses a forged amount or currency, an unknown charge and a malformed body, changing nothing", async () => {
    const { order, chargeId } = await omiseOrder();
    const before = await state(order.id);
    charges.set(chargeId, charge(chargeId, order.totalSatang - 100, "successful"));
    expect((await deliverWebhook(event(chargeId))).status).toBe(422);
    charges.set(chargeId, charge(chargeId, order.totalSatang, "successful", { currency: "USD" }));
    expect((await deliverWebhook(event(chargeId))).status).toBe(422);
    expect((await deliverWebhook(event("chrg_test_nobody"))).status).toBe(422);
    expect((await deliverWebhook("{not json")).status).toBe(400);
    expect((await deliverWebhook({ object: "event", id: "x" })).status).toBe(400);
    expect(await state(order.id)).toEqual(before);
    await expectLedgerProven();
  });

  it("a failed and an expired charge close their payments; a late failure after success changes nothing", async () => {
    const failed = await omiseOrder("failed");
    await deliverWebhook(event(failed.chargeId, "charge.complete"));
    expect((await state(failed.order.id)).payments[0]).toMatchObject({ status: "FAILED", failureReason: "insufficient funds in the account" });
    const expired = await omiseOrder("expired");
    await deliverWebhook(event(expired.chargeId, "charge.expire"));
    expect((await state(expired.order.id)).payments[0].status).toBe("EXPIRED");
    const paid = await omiseOrder();
    await deliverWebhook(event(paid.chargeId));
    charges.set(paid.chargeId, charge(paid.chargeId, paid.order.totalSatang, "failed"));
    await deliverWebhook(event(paid.chargeId));
    expect((await state(paid.order.id)).payments[0].status).toBe("SUCCEEDED");
    await expectLedgerProven();
  });

  it("the 3-D Secure return settles by fetching the charge again", async () => {
    const { order, payment, chargeId } = await omiseOrder("pending");
    expect((await refreshOmiseCharge(payment.id))?.outcome).toBe("unchanged");
    charges.set(chargeId, charge(chargeId, order.totalSatang, "successful"));
    expect((await refreshOmiseCharge(payment.id))?.outcome).toBe("succeeded");
    expect((await state(order.id)).order.status).toBe("PAID");
  });
});

describe("Omise payouts", () => {
  it("go only to an active, verified recipient of a verified group, with the transfer's fee in the ledger", async () => {
    const { order, chargeId } = await omiseOrder();
    await deliverWebhook(event(chargeId));
    const deliveredAt = new Date(Date.now() - 10 * 24 * 3600_000);
    for (const part of order.groupOrders) await deliver(part.id, deliveredAt);
    const [first, second] = order.groupOrders;
    await db().occupationGroup.update({ where: { id: first.groupId }, data: { omiseRecipientId: `recp_test_${first.groupId}` } });
    await db().occupationGroup.update({ where: { id: second.groupId }, data: { omiseRecipientId: `recp_test_${second.groupId}` } });

    recipients.set(`recp_test_${first.groupId}`, { active: false, verified: true });
    recipients.set(`recp_test_${second.groupId}`, { active: true, verified: false });
    const blocked = await runPayouts();
    expect(blocked.blocked).toEqual(expect.arrayContaining([{ groupId: first.groupId, reason: "recipientInactive" }, { groupId: second.groupId, reason: "recipientNotVerified" }]));
    expect(calls.some((call) => call.startsWith("POST /transfers"))).toBe(false);
    expect(await db().payout.count({ where: { groupId: { in: [first.groupId, second.groupId] } } })).toBe(0);

    // Staff have not verified the second group's payout details: no transfer, whatever Omise says.
    await db().occupationGroup.update({ where: { id: second.groupId }, data: { payoutVerifiedAt: null } });
    recipients.set(`recp_test_${first.groupId}`, { active: true, verified: true });
    recipients.set(`recp_test_${second.groupId}`, { active: true, verified: true });
    const run = await runPayouts();
    expect(run.blocked).toEqual(expect.arrayContaining([{ groupId: second.groupId, reason: "notVerified" }]));
    const payout = await db().payout.findFirstOrThrow({ where: { groupId: first.groupId, method: "OMISE_TRANSFER" } });
    expect(payout).toMatchObject({ status: "PAID", feeSatang: 3210, reference: expect.stringMatching(/^trsf_test_/) });
    // The transfer settled exactly what the group was owed: nothing left on its books for the order.
    const left = await db().ledgerEntry.aggregate({ where: { groupOrderId: first.id, account: "GROUP_PAYABLE" }, _sum: { amountSatang: true } });
    expect(left._sum.amountSatang).toBe(0);
    expect(payout.amountSatang).toBeGreaterThan(0);
    expect(calls.filter((call) => call.startsWith("POST /transfers"))).toEqual([`POST /transfers recp_test_${first.groupId} ${payout.amountSatang}`]);
    const fees = await db().ledgerEntry.aggregate({ where: { account: "PAYMENT_FEES", transaction: { payoutId: payout.id } }, _sum: { amountSatang: true } });
    expect(fees._sum.amountSatang).toBe(3210);
    await db().occupationGroup.update({ where: { id: second.groupId }, data: { payoutVerifiedAt: new Date() } });
    await expectLedgerProven();
    expect((await userByEmail(demoAccounts.staff.email)).id).toBeTruthy();
  });
});

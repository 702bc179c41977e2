/**
 * Stripe Connect (STRIPE_CONNECT=true), with Stripe's HTTP intercepted in-process (msw) and
 * answers in its documented shapes: a two-group basket paid by one charge is paid out as separate
 * transfers, one to each group's connected account, each with the order's transfer_group, the
 * charge as source_transaction and an idempotency key; the ledger records each and ledger:check
 * holds. A group whose connected account cannot receive payouts yet is held back, untouched.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { runPayouts } from "~/modules/payments/payouts.server";
import { settlePlatformPayment } from "~/modules/payments/settlement.server";
import { deliver, preparePromptPayGroups, promptPayOrder } from "./payment-fixtures";

vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_0000000000000000000000";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test0000000000000000000000";
  process.env.STRIPE_CONNECT = "true";
  process.env.PLATFORM_FEE_PERCENT = "5";
  process.env.PAYOUT_HOLD_DAYS = "7";
});

const accounts = new Map<string, boolean>();
const transfers: { body: URLSearchParams; idempotencyKey: string | null }[] = [];

const server = setupServer(
  http.get("https://api.stripe.com/v1/accounts/:id", ({ params }) =>
    HttpResponse.json({ id: params.id, object: "account", type: "express", country: "TH", charges_enabled: true, payouts_enabled: accounts.get(String(params.id)) ?? false }),
  ),
  http.get("https://api.stripe.com/v1/checkout/sessions/:id", ({ params }) =>
    HttpResponse.json({ id: params.id, object: "checkout.session", payment_intent: `pi_for_${params.id}`, payment_status: "paid", status: "complete", currency: "thb" }),
  ),
  http.get("https://api.stripe.com/v1/payment_intents/:id", ({ params }) =>
    HttpResponse.json({ id: params.id, object: "payment_intent", status: "succeeded", currency: "thb", latest_charge: `ch_for_${params.id}` }),
  ),
  http.post("https://api.stripe.com/v1/transfers", async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    transfers.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
    return HttpResponse.json({
      id: `tr_test_${transfers.length}`,
      object: "transfer",
      amount: Number(body.get("amount")),
      currency: body.get("currency"),
      destination: body.get("destination"),
      transfer_group: body.get("transfer_group"),
      source_transaction: body.get("source_transaction"),
      reversed: false,
      metadata: { payout_id: body.get("metadata[payout_id]") },
    });
  }),
);

beforeAll(async () => {
  server.listen();
  await preparePromptPayGroups();
});
afterAll(() => server.close());

/** The two-group basket, paid by one Stripe charge (a Checkout Session) and delivered ten days ago. */
async function paidByOneCharge() {
  const order = await promptPayOrder(null);
  await db().payment.deleteMany({ where: { orderId: order.id } });
  await db().order.update({ where: { id: order.id }, data: { paymentProvider: "STRIPE" } });
  const payment = await db().payment.create({ data: { orderId: order.id, provider: "STRIPE", method: "CARD", amountSatang: order.totalSatang, idempotencyKey: `stripe:${order.id}:1`, providerRef: `cs_test_${order.id}` } });
  await settlePlatformPayment({ provider: "STRIPE", paymentId: payment.id, state: { status: "succeeded", amountSatang: order.totalSatang, currency: "thb", feeSatang: 0 } });
  for (const part of order.groupOrders) await deliver(part.id, new Date(Date.now() - 10 * 24 * 3600_000));
  return { order, payment };
}

const owed = (groupOrderId: string) =>
  db()
    .ledgerEntry.aggregate({ where: { groupOrderId, account: "GROUP_PAYABLE" }, _sum: { amountSatang: true } })
    .then((sum) => 0 - (sum._sum.amountSatang ?? 0));

describe("Stripe Connect", () => {
  it("splits a two-group basket paid by one charge into a transfer to each group's connected account", async () => {
    const { order, payment } = await paidByOneCharge();
    const [first, second] = order.groupOrders;
    await db().occupationGroup.update({ where: { id: first.groupId }, data: { stripeAccountId: "acct_test_first" } });
    await db().occupationGroup.update({ where: { id: second.groupId }, data: { stripeAccountId: "acct_test_second" } });
    const shares = { first: await owed(first.id), second: await owed(second.id) };
    expect(shares.first).toBeGreaterThan(0);

    // The second group's account cannot take payouts yet: only the first is paid; the second waits.
    accounts.set("acct_test_first", true);
    accounts.set("acct_test_second", false);
    const run = await runPayouts();
    expect(run.blocked).toEqual(expect.arrayContaining([{ groupId: second.groupId, reason: "connectedAccountNotReady" }]));
    expect(transfers).toHaveLength(1);
    expect(await owed(second.id)).toBe(shares.second);

    accounts.set("acct_test_second", true);
    await runPayouts();
    expect(transfers).toHaveLength(2);
    const payouts = await db().payout.findMany({ where: { groupOrders: { some: { orderId: order.id } } }, orderBy: { createdAt: "asc" } });
    expect(payouts.map((payout) => payout.status)).toEqual(["PAID", "PAID"]);
    expect(payouts.map((payout) => payout.method)).toEqual(["STRIPE_TRANSFER", "STRIPE_TRANSFER"]);
    for (const [index, destination] of ["acct_test_first", "acct_test_second"].entries()) {
      const { body, idempotencyKey } = transfers[index];
      expect(Object.fromEntries(body)).toMatchObject({
        amount: String(index === 0 ? shares.first : shares.second),
        currency: "thb",
        destination,
        transfer_group: `order:${order.id}`,
        source_transaction: `ch_for_pi_for_${payment.providerRef}`,
        "metadata[payout_id]": payouts[index].id,
      });
      expect(idempotencyKey).toBe(`${payouts[index].idempotencyKey}:1`);
      expect(payouts[index]).toMatchObject({ reference: `tr_test_${index + 1}`, amountSatang: index === 0 ? shares.first : shares.second });
    }
    // Each group is owed nothing more; the ledger holds both transfers, and proves out.
    expect(await owed(first.id)).toBe(0);
    expect(await owed(second.id)).toBe(0);
    expect(await db().ledgerTransaction.count({ where: { kind: "payout", payoutId: { in: payouts.map((payout) => payout.id) } } })).toBe(2);
    const report = await checkLedger();
    expect(report.problems).toEqual([]);
    // Nothing is paid twice on the next run.
    await runPayouts();
    expect(transfers).toHaveLength(2);
  });
});

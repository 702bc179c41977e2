/**
 * Paying by card through Stripe Checkout, with Stripe's HTTP intercepted in-process (msw) and
 * answers in its documented shapes: with Stripe's keys set, checkout offers it for a basket whose
 * groups all have verified payout details; placing the order sends the buyer straight to a
 * Checkout Session in THB for the exact total, made with the payment's idempotency key and
 * returning to the order page; back there, the page fetches the session from Stripe and only
 * then shows the order paid (a forged amount records nothing); a Stripe that cannot be reached
 * leaves the order placed with a button to try again. ledger:check holds after each.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import { offeredPayments } from "~/modules/payments/payments.server";
import * as orderRoute from "~/routes/($lang).orders.$number";
import { groupA, groupB, preparePromptPayGroups, orderPageData, placeAtCheckout } from "./payment-fixtures";
import { outcome } from "./route-calls";

vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_0000000000000000000000";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test0000000000000000000000";
  process.env.PLATFORM_FEE_PERCENT = "5";
});

const context = { clientAddress: "127.0.0.1" };
/** Stripe's sessions by id, each create call's body and Idempotency-Key, and whether Stripe answers. */
const sessions = new Map<string, Record<string, unknown>>();
const created: { body: URLSearchParams; idempotencyKey: string | null }[] = [];
let stripeDown = false;

const server = setupServer(
  http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => {
    if (stripeDown) return HttpResponse.json({ error: { type: "api_error", message: "Stripe is unavailable" } }, { status: 500 });
    const body = new URLSearchParams(await request.text());
    created.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
    const id = `cs_test_card_${created.length}`;
    const session = { id, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${id}`, amount_total: Number(body.get("line_items[0][price_data][unit_amount]")), currency: "thb", payment_status: "unpaid", status: "open", payment_intent: null };
    sessions.set(id, session);
    return HttpResponse.json(session);
  }),
  http.get("https://api.stripe.com/v1/checkout/sessions/:id", ({ params }) => {
    const found = sessions.get(String(params.id));
    return found ? HttpResponse.json(found) : HttpResponse.json({ error: { type: "invalid_request_error", message: "No such checkout.session" } }, { status: 404 });
  }),
);

beforeAll(async () => {
  server.listen();
  await preparePromptPayGroups();
});
afterAll(() => server.close());
beforeEach(() => {
  stripeDown = false;
});

/** A guest's two-group basket placed at checkout, paying by Stripe. */
const placeByCard = () => placeAtCheckout("STRIPE", "card.buyer@example.com");

const orderPage = (number: string, cookie: string, query = "") => orderPageData<{ card: string | null; order: { status: string } }>(number, cookie, query);

async function expectLedgerProven() {
  const report = await checkLedger();
  expect(report.problems).toEqual([]);
}

describe("card payment through Stripe Checkout", () => {
  it("is offered with Stripe's keys only for groups whose payout details staff verified", async () => {
    const groups = await db().occupationGroup.findMany({ where: { slug: { in: [groupA, groupB] } }, select: { id: true, promptPayId: true, payoutVerifiedAt: true } });
    expect(offeredPayments(groups)).toEqual(["PROMPTPAY_DIRECT", "CASH_ON_PICKUP", "STRIPE"]);
    expect(offeredPayments([groups[0], { ...groups[1], payoutVerifiedAt: null }])).not.toContain("STRIPE");
  });

  it("sends the buyer to a THB session for the exact total, and shows the order paid only once Stripe says so", async () => {
    const { answer, order, cookie } = await placeByCard();
    const payment = order.payments[0];
    expect(order.payments).toHaveLength(1);
    expect(payment).toMatchObject({ provider: "STRIPE", status: "PENDING", amountSatang: order.totalSatang, groupOrderId: null });
    expect(answer.status).toBe(302);
    const sessionId = (await db().payment.findUniqueOrThrow({ where: { id: payment.id } })).providerRef!;
    expect(answer.headers.get("Location")).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    const call = created.at(-1)!;
    expect(call.idempotencyKey).toBe(payment.idempotencyKey);
    expect(Object.fromEntries(call.body)).toMatchObject({
      mode: "payment",
      currency: "thb",
      "line_items[0][price_data][currency]": "thb",
      "line_items[0][price_data][unit_amount]": String(order.totalSatang),
      client_reference_id: payment.id,
      success_url: `http://test.local/orders/${order.number}?paid=card`,
      cancel_url: `http://test.local/orders/${order.number}`,
    });

    // Back from Stripe before it has the money: nothing is believed from the URL.
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "notYet", order: { status: "PENDING_PAYMENT" } });
    sessions.set(sessionId, { ...sessions.get(sessionId), status: "complete", payment_status: "paid" });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "paid", order: { status: "PAID" } });
    expect(await db().ledgerTransaction.count({ where: { paymentId: payment.id, kind: "sale" } })).toBe(2);
    // Seen again: paid once.
    expect(await orderPage(order.number, cookie)).toMatchObject({ card: null, order: { status: "PAID" } });
    expect(await db().ledgerTransaction.count({ where: { paymentId: payment.id, kind: "sale" } })).toBe(2);
    await expectLedgerProven();
  });

  it("records nothing for a session whose amount is not the order's, and goes back to the same session", async () => {
    const { order, cookie, csrf } = await placeByCard();
    const sessionId = (await db().payment.findFirstOrThrow({ where: { orderId: order.id } })).providerRef!;
    sessions.set(sessionId, { ...sessions.get(sessionId), status: "complete", payment_status: "paid", amount_total: 100 });
    expect(await orderPage(order.number, cookie, "?paid=card")).toMatchObject({ card: "notYet", order: { status: "PENDING_PAYMENT" } });
    expect(await db().ledgerTransaction.count({ where: { orderId: order.id } })).toBe(0);
    const calls = created.length;
    const request = new Request(`http://test.local/orders/${order.number}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf, intent: "pay-card" }) });
    const again = await outcome(() => orderRoute.action({ request, params: { number: order.number }, context } as never));
    expect(again).toMatchObject({ status: 302, location: `https://checkout.stripe.com/c/pay/${sessionId}` });
    expect(created).toHaveLength(calls);
    await expectLedgerProven();
  });

  it("with Stripe unreachable, places the order and offers the card payment again from the order page", async () => {
    stripeDown = true;
    const { answer, order, cookie, csrf } = await placeByCard();
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/orders/${order.number}?placed=1`);
    const pay = () => outcome(() => orderRoute.action({ request: new Request(`http://test.local/orders/${order.number}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf, intent: "pay-card" }) }), params: { number: order.number }, context } as never));
    expect(await pay()).toMatchObject({ status: 503, body: { error: "pay.card.unavailable" } });
    stripeDown = false;
    expect((await pay()).location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_card_/);
    await expectLedgerProven();
  });
});

/**
 * Stripe's webhook: events signed with the SDK's own test-header helper are applied once, however
 * often delivered; a bad or missing signature, a forged amount or currency (even signed), and a
 * session we never made are refused and change nothing; ledger:check holds after each.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { config } from "~/config.server";
import { createCheckoutSession, refreshStripePayment } from "~/modules/payments/providers/stripe.server";
import { db } from "~/db/client.server";
import { checkLedger } from "~/modules/ledger/check.server";
import * as webhookRoute from "~/routes/api.webhooks.stripe";
import { preparePromptPayGroups, promptPayOrder } from "./payment-fixtures";

vi.hoisted(() => {
  process.env.STRIPE_SECRET_KEY = "sk_test_0000000000000000000000";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test0000000000000000000000";
});

const secret = "whsec_test0000000000000000000000";
const sdk = new Stripe("sk_test_0000000000000000000000");
let counter = 0;

/** What Stripe's API received: each create call's form body and Idempotency-Key. */
const created: { body: URLSearchParams; idempotencyKey: string | null }[] = [];
/** Sessions as Stripe would answer them when fetched back, by id. */
const fetched = new Map<string, Record<string, unknown>>();
const server = setupServer(
  http.get("https://api.stripe.com/v1/checkout/sessions/:id", ({ params }) => {
    const found = fetched.get(String(params.id));
    return found ? HttpResponse.json(found) : HttpResponse.json({ error: { type: "invalid_request_error", message: "No such checkout.session" } }, { status: 404 });
  }),
  http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => {
    const body = new URLSearchParams(await request.text());
    created.push({ body, idempotencyKey: request.headers.get("Idempotency-Key") });
    const id = `cs_test_created_${created.length}`;
    return HttpResponse.json({ id, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${id}`, amount_total: Number(body.get("line_items[0][price_data][unit_amount]")), currency: "thb", payment_status: "unpaid", status: "open" });
  }),
);

beforeAll(async () => {
  server.listen();
  await preparePromptPayGroups();
});
afterAll(() => server.close());

async function stripeOrder() {
  const placed = await promptPayOrder(null);
  await db().payment.deleteMany({ where: { orderId: placed.id } });
  await db().order.update({ where: { id: placed.id }, data: { paymentProvider: "STRIPE" } });
  const sessionId = `cs_test_${Date.now()}_${++counter}`;
  await db().payment.create({ data: { orderId: placed.id, provider: "STRIPE", method: "CARD", amountSatang: placed.totalSatang, idempotencyKey: `stripe:${placed.id}:1`, providerRef: sessionId } });
  return { order: placed, sessionId };
}

function sessionEvent(sessionId: string, amount: number, options: { currency?: string; type?: string; id?: string } = {}) {
  return JSON.stringify({
    id: options.id ?? `evt_test_${Date.now()}_${++counter}`,
    object: "event",
    api_version: "2025-10-29",
    created: 1764320000,
    type: options.type ?? "checkout.session.completed",
    data: { object: { id: sessionId, object: "checkout.session", amount_total: amount, currency: options.currency ?? "thb", payment_status: "paid", status: "complete" } },
  });
}

async function deliver(payload: string, signature: string | null = sdk.webhooks.generateTestHeaderString({ payload, secret })) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature) headers["Stripe-Signature"] = signature;
  const request = new Request("http://t/api/webhooks/stripe", { method: "POST", headers, body: payload });
  return (await webhookRoute.action({ request, params: {}, context: { clientAddress: "127.0.0.1" } })) as Response;
}

async function state(orderId: string) {
  return {
    order: await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } }),
    payments: await db().payment.findMany({ where: { orderId } }),
    ledger: await db().ledgerEntry.count({ where: { transaction: { orderId } } }),
  };
}

describe("Stripe Checkout", () => {
  it("creates a session in THB for the payment's exact amount, with the payment's idempotency key", async () => {
    const { order } = await stripeOrder();
    const payment = await db().payment.findFirstOrThrow({ where: { orderId: order.id } });
    const session = await createCheckoutSession(payment, { success: "http://t/orders/x?paid=1", cancel: "http://t/orders/x" });
    const call = created.at(-1)!;
    expect(call.idempotencyKey).toBe(payment.idempotencyKey);
    expect(call.body.get("currency")).toBe("thb");
    expect(call.body.get("line_items[0][price_data][currency]")).toBe("thb");
    expect(Number(call.body.get("line_items[0][price_data][unit_amount]"))).toBe(order.totalSatang);
    expect(call.body.get("client_reference_id")).toBe(payment.id);
    expect(await db().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ providerRef: session.id, redirectUrl: session.url });
  });
});

describe("Stripe PromptPay (STRIPE_PROMPTPAY)", () => {
  async function methodsOffered(promptPay: boolean) {
    const settings = config();
    const was = settings.STRIPE_PROMPTPAY;
    settings.STRIPE_PROMPTPAY = promptPay;
    try {
      const { order } = await stripeOrder();
      const payment = await db().payment.findFirstOrThrow({ where: { orderId: order.id } });
      await createCheckoutSession(payment, { success: "http://t/orders/x?paid=card", cancel: "http://t/orders/x" });
      const body = created.at(-1)!.body;
      const methods = [...body.keys()].filter((key) => key.startsWith("allowed_payment_method_types")).map((key) => body.get(key));
      return { methods, currency: body.get("currency"), legacy: body.has("payment_method_types[0]") };
    } finally {
      settings.STRIPE_PROMPTPAY = was;
    }
  }

  it("offers card only when off, whatever the dashboard enables", async () => {
    expect(await methodsOffered(false)).toEqual({ methods: ["card"], currency: "thb", legacy: false });
  });

  it("offers PromptPay beside card when on, in THB", async () => {
    expect(await methodsOffered(true)).toEqual({ methods: ["card", "promptpay"], currency: "thb", legacy: false });
  });

  it("a PromptPay session completed but not yet paid leaves the order waiting; only the session fetched back as paid pays it", async () => {
    const { order, sessionId } = await stripeOrder();
    const session = { id: sessionId, object: "checkout.session", amount_total: order.totalSatang, currency: "thb", status: "complete", payment_status: "unpaid", payment_method_types: ["card", "promptpay"] };
    fetched.set(sessionId, session);
    expect(await refreshStripePayment(order.id)).toBe("unchanged");
    expect((await state(order.id)).order.status).toBe("PENDING_PAYMENT");
    fetched.set(sessionId, { ...session, payment_status: "paid" });
    expect(await refreshStripePayment(order.id)).toBe("succeeded");
    expect((await state(order.id)).order.status).toBe("PAID");
    expect((await checkLedger()).problems).toEqual([]);
  });
});

describe("Stripe webhooks", () => {
  it("a signed completed session pays the order once, however many times it is delivered", async () => {
    const { order, sessionId } = await stripeOrder();
    const payload = sessionEvent(sessionId, order.totalSatang);
    for (let i = 0; i < 10; i++) expect((await deliver(payload)).status).toBe(200);
    const after = await state(order.id);
    expect(after.order.status).toBe("PAID");
    expect(after.payments[0].status).toBe("SUCCEEDED");
    expect(await db().ledgerTransaction.count({ where: { paymentId: after.payments[0].id, kind: "sale" } })).toBe(order.groupOrders.length);
    expect((await checkLedger()).problems).toEqual([]);
  });

  it("refuses a bad or missing signature and a forged amount or currency, changing nothing", async () => {
    const { order, sessionId } = await stripeOrder();
    const before = await state(order.id);
    const payload = sessionEvent(sessionId, order.totalSatang);
    expect((await deliver(payload, sdk.webhooks.generateTestHeaderString({ payload, secret: "whsec_someoneelse" }))).status).toBe(400);
    expect((await deliver(payload, null)).status).toBe(400);
    const tampered = payload.replace(`"amount_total":${order.totalSatang}`, `"amount_total":${order.totalSatang - 1}`);
    expect((await deliver(tampered, sdk.webhooks.generateTestHeaderString({ payload, secret }))).status).toBe(400);
    expect((await deliver(sessionEvent(sessionId, order.totalSatang - 1))).status).toBe(422);
    expect((await deliver(sessionEvent(sessionId, order.totalSatang, { currency: "usd" }))).status).toBe(422);
    expect((await deliver(sessionEvent("cs_test_nobody", 100))).status).toBe(422);
    expect(await state(order.id)).toEqual(before);
  });

  it("an expired session closes its payment", async () => {
    const { order, sessionId } = await stripeOrder();
    expect((await deliver(sessionEvent(sessionId, order.totalSatang, { type: "checkout.session.expired" }))).status).toBe(200);
    expect((await state(order.id)).payments[0].status).toBe("EXPIRED");
  });
});

/**
 * Stripe Checkout (THB; card, and PromptPay with STRIPE_PROMPTPAY for a Thai account): the platform collects a basket's
 * payment on a hosted page and pays groups out like Omise's money. Built so far: the session's
 * creation (idempotency key on the create call) and the webhook, verified by its signature with
 * the SDK before anything in it is believed, kept by event id (a redelivery is applied once), and
 * applied through settlement, which checks amount and currency against our payment; the buyer's
 * return to the order page fetches the session back from Stripe before showing a result (the
 * return URL itself proves nothing); refunds through the session's PaymentIntent. Checkout offers
 * Stripe when its keys are set and every group in the basket has payout details staff verified.
 */
import Stripe from "stripe";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { PaymentPort, ProviderRefund } from "../port";
import { openPlatformPayment, settlePlatformPayment, UnknownPaymentError, type SettleOutcome } from "../settlement.server";
import { WebhookRejectedError } from "./omise/webhook.server";

export const isStripeConfigured = () => Boolean(config().STRIPE_SECRET_KEY && config().STRIPE_WEBHOOK_SECRET);

let client: Stripe | undefined;
/** The platform's Stripe client (one per process). */
export function stripe(): Stripe {
  const key = config().STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  client ??= new Stripe(key, { timeout: 20_000, maxNetworkRetries: 1 });
  return client;
}

/** The transfer group that ties an order's charge to the transfers paying its groups (Connect). */
export const transferGroupOf = (orderId: string) => `order:${orderId}`;

/**
 * The ways of paying the session offers: card, and PromptPay beside it when STRIPE_PROMPTPAY is
 * set (Stripe offers PromptPay only to Thai accounts, only in THB, which every session here is).
 * Named so the setting decides, not whatever the dashboard happens to enable. Since API version
 * 2026-09-30.endive (this SDK's) Stripe refuses `payment_method_types` on a session and takes
 * `allowed_payment_method_types`, a filter on the methods the dashboard enables: PromptPay must
 * also be turned on there, or Stripe leaves it out and offers card alone. A
 * PromptPay payment completes the session unpaid and is paid later (async_payment_succeeded), so
 * only the session fetched back or a signed event ever marks it paid.
 */
export const checkoutMethods = (): Stripe.Checkout.SessionCreateParams.AllowedPaymentMethodType[] => (config().STRIPE_PROMPTPAY ? ["card", "promptpay"] : ["card"]);

/** A Checkout Session for one platform payment, in THB, for its exact amount. */
export async function createCheckoutSession(payment: { id: string; orderId: string; amountSatang: number; idempotencyKey: string; expiresAt?: Date | null }, urls: { success: string; cancel: string }) {
  // The page closes with the order's own deadline, so nobody pays an order that expired; Stripe
  // accepts 30 minutes to 24 hours from now.
  const deadline = payment.expiresAt ? Math.floor(payment.expiresAt.getTime() / 1000) : null;
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = deadline ? Math.min(Math.max(deadline, now + 31 * 60), now + 23 * 3600) : undefined;
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      currency: "thb",
      line_items: [{ quantity: 1, price_data: { currency: "thb", unit_amount: payment.amountSatang, product_data: { name: `Sammachip order ${payment.orderId}` } } }],
      allowed_payment_method_types: checkoutMethods(),
      client_reference_id: payment.id,
      metadata: { payment_id: payment.id, order_id: payment.orderId },
      // With Connect, each group's share later leaves this charge as its own transfer, grouped by order.
      ...(config().STRIPE_CONNECT ? { payment_intent_data: { transfer_group: transferGroupOf(payment.orderId) } } : {}),
      success_url: urls.success,
      cancel_url: urls.cancel,
      ...(expiresAt ? { expires_at: expiresAt } : {}),
    },
    { idempotencyKey: payment.idempotencyKey },
  );
  await db().payment.update({ where: { id: payment.id }, data: { providerRef: session.id, redirectUrl: session.url } });
  return session;
}

export class StripeCheckoutUnavailableError extends Error {
  readonly name = "StripeCheckoutUnavailableError";
}

/**
 * Where the buyer pays an order by Stripe: the Checkout Session of its open payment, made once
 * (the payment's idempotency key makes a repeated create the same session) and reused while open.
 * Back to the order page either way; `?paid=card` asks it to fetch the session back.
 */
export async function stripeCheckoutUrl(orderId: string, orderUrl: string): Promise<string> {
  const payment = await openPlatformPayment(orderId);
  if (!payment || payment.provider !== "STRIPE") throw new StripeCheckoutUnavailableError("The order has no Stripe payment waiting");
  if (payment.providerRef && payment.redirectUrl) return payment.redirectUrl;
  const session = await createCheckoutSession(payment, { success: `${orderUrl}?paid=card`, cancel: orderUrl });
  if (!session.url) throw new StripeCheckoutUnavailableError(`Stripe gave no URL for session ${session.id}`);
  return session.url;
}

/**
 * The buyer is back from Stripe (or looks at the order while its payment is open): the session is
 * fetched from Stripe and applied through settlement, which refuses an amount or currency that is
 * not ours. Null when there is no Stripe session to ask about.
 */
export async function refreshStripePayment(orderId: string): Promise<SettleOutcome | null> {
  const payment = await openPlatformPayment(orderId);
  if (!payment || payment.provider !== "STRIPE" || !payment.providerRef) return null;
  const session = await stripe().checkout.sessions.retrieve(payment.providerRef);
  const status = session.status === "expired" ? "expired" : session.payment_status === "paid" ? "succeeded" : "pending";
  return settlePlatformPayment({ provider: "STRIPE", paymentId: payment.id, state: { status, amountSatang: session.amount_total ?? -1, currency: session.currency ?? "", feeSatang: 0 } });
}

/**
 * Stripe as a payment port: the platform collects the basket's payment through a Checkout
 * Session in THB, then pays each group out from the ledger like Omise's money.
 */
export const stripePayments: PaymentPort = {
  provider: "STRIPE",
  paysUpFront: true,
  collectedBy: "platform",
  offeredFor: (groups) => isStripeConfigured() && groups.length > 0 && groups.every((group) => group.payoutVerifiedAt !== null),
  async start(tx, order, { expiresAt }) {
    await tx.payment.create({
      data: { orderId: order.id, provider: "STRIPE", method: "CARD", amountSatang: order.totalSatang, expiresAt, idempotencyKey: `stripe:${order.id}:1` },
    });
  },
  async nextStep(order) {
    return { kind: "page", path: `/orders/${order.number}` };
  },
  // checkout sends the buyer on with stripeCheckoutUrl (it needs the store's address for the return).
  async refund({ payment, refund }) {
    if (!payment.providerRef) return { status: "FAILED", providerRef: null, failureReason: "no Stripe Checkout Session" };
    const session = await stripe().checkout.sessions.retrieve(payment.providerRef);
    const intent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
    if (!intent) return { status: "FAILED", providerRef: null, failureReason: "the Checkout Session has no payment" };
    // Stripe keeps an idempotency key for a day; a refund asked again later is first looked up.
    const made = (await stripe().refunds.list({ payment_intent: intent, limit: 100 })).data.find((item) => item.metadata?.refund_id === refund.id);
    const answer = made ?? (await stripe().refunds.create({ payment_intent: intent, amount: refund.amountSatang, metadata: { refund_id: refund.id } }, { idempotencyKey: refund.idempotencyKey }));
    return stripeRefundState(answer, refund.amountSatang);
  },
};

/** A Stripe refund as refunds understand it: only Stripe's "succeeded" for the amount asked is money sent back. */
function stripeRefundState(answer: Stripe.Refund, amountSatang: number): ProviderRefund {
  if (answer.amount !== amountSatang || answer.currency !== "thb") return { status: "FAILED", providerRef: answer.id, failureReason: `Stripe refunded ${answer.amount} ${answer.currency}` };
  if (answer.status === "succeeded") return { status: "SUCCEEDED", providerRef: answer.id };
  if (answer.status === "failed" || answer.status === "canceled") return { status: "FAILED", providerRef: answer.id, failureReason: answer.failure_reason ?? `Stripe says ${answer.status}` };
  return { status: "PENDING", providerRef: answer.id };
}

export type StripeWebhookResult = { kind: "applied"; outcome: SettleOutcome } | { kind: "duplicate" } | { kind: "ignored" };

/** A Stripe webhook delivery: the raw body and its Stripe-Signature header. */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<StripeWebhookResult> {
  const secret = config().STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) throw new WebhookRejectedError("No Stripe signature");
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new WebhookRejectedError("Bad Stripe signature");
  }
  const seen = await db().webhookEvent.findUnique({ where: { provider_eventId: { provider: "STRIPE", eventId: event.id } }, select: { processedAt: true } });
  if (seen?.processedAt) return { kind: "duplicate" };
  const handled = ["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired"];
  if (!handled.includes(event.type)) {
    await remember(event);
    return { kind: "ignored" };
  }
  const session = event.data.object as Stripe.Checkout.Session;
  const payment = await db().payment.findFirst({ where: { provider: "STRIPE", providerRef: session.id }, select: { id: true } });
  if (!payment) throw new UnknownPaymentError(`No payment for Stripe session ${session.id}`);
  const status =
    event.type === "checkout.session.expired" ? "expired" : event.type === "checkout.session.async_payment_failed" ? "failed" : session.payment_status === "paid" ? "succeeded" : "pending";
  const outcome = await settlePlatformPayment({
    provider: "STRIPE",
    paymentId: payment.id,
    // Stripe's fee is on the charge's balance transaction, known later; none is assumed here.
    state: { status, amountSatang: session.amount_total ?? -1, currency: session.currency ?? "", feeSatang: 0 },
  });
  await remember(event);
  return { kind: "applied", outcome };
}

async function remember(event: Stripe.Event) {
  try {
    await db().webhookEvent.upsert({
      where: { provider_eventId: { provider: "STRIPE", eventId: event.id } },
      create: { provider: "STRIPE", eventId: event.id, type: event.type, payload: { id: event.id, type: event.type } as Prisma.InputJsonValue, processedAt: new Date() },
      update: { processedAt: new Date() },
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
}

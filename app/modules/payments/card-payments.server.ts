/**
 * Card payments of an order the platform collects (Omise, Stripe), as the buyer's order page
 * asks for them: where the buyer goes to pay, and what the provider says now — always fetched back
 * from the provider, never read from a return URL. Omise takes a token Omise.js made in the
 * buyer's browser (card numbers never reach this server) and may send the buyer through 3-D
 * Secure (`authorize_uri`); Stripe sends the buyer to its hosted Checkout. Both come back to the
 * order page.
 */
import { db } from "~/db/client.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { payWithOmise, refreshOmiseCharge } from "./providers/omise/omise.server";
import { refreshStripePayment, stripeCheckoutUrl } from "./providers/stripe.server";

export const CARD_PROVIDERS: readonly PaymentProvider[] = ["OMISE", "STRIPE"];

/** What the provider says of an order's card payment: paid, not paid (declined, expired), or not yet known. */
export type CardOutcome = "paid" | "failed" | "pending" | null;

export class CardTokenMissingError extends Error {
  readonly name = "CardTokenMissingError";
}

/** Asks the provider where the order's card payment stands and records what it says (settlement). */
export async function refreshCardPayment(orderId: string, provider: PaymentProvider): Promise<CardOutcome> {
  if (provider === "STRIPE") {
    const outcome = await refreshStripePayment(orderId);
    return outcome === "succeeded" ? "paid" : outcome === "failed" || outcome === "expired" ? "failed" : outcome ? "pending" : null;
  }
  if (provider !== "OMISE") return null;
  const payment = await db().payment.findFirst({ where: { orderId, provider: "OMISE", providerRef: { not: null } }, orderBy: { createdAt: "desc" }, select: { id: true, status: true } });
  if (!payment) return null;
  if (payment.status === "PENDING") {
    const refreshed = await refreshOmiseCharge(payment.id);
    const outcome = refreshed?.outcome === "unchanged" ? (refreshed.charge.status === "successful" ? "succeeded" : refreshed.charge.status) : refreshed?.outcome;
    return outcome === "succeeded" ? "paid" : outcome === "failed" || outcome === "expired" ? "failed" : "pending";
  }
  return payment.status === "SUCCEEDED" ? "paid" : payment.status === "FAILED" || payment.status === "EXPIRED" ? "failed" : null;
}

/**
 * Starts (or continues) paying an order by card; returns where the buyer goes next: Stripe's
 * page, Omise's 3-D Secure page, or back to the order page (`orderUrl`, absolute).
 */
export async function startCardPayment(input: { orderId: string; provider: PaymentProvider; token: string | null; orderUrl: string }): Promise<string> {
  if (input.provider === "STRIPE") return stripeCheckoutUrl(input.orderId, input.orderUrl);
  if (!input.token) throw new CardTokenMissingError("A card payment by Omise needs the token Omise.js makes");
  const result = await payWithOmise({ orderId: input.orderId, method: "card", token: input.token, returnUri: () => `${input.orderUrl}?paid=card` });
  return result.kind === "redirect" ? result.url : `${input.orderUrl}?paid=card`;
}

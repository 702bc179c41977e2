/**
 * Card payments of an order the platform collects (Omise, Stripe), as the buyer's order page
 * asks for them: where the buyer goes to pay, and what the provider says now — always fetched back
 * from the provider, never read from a return URL. Omise takes a token Omise.js made in the
 * buyer's browser (card numbers never reach this server) and may send the buyer through 3-D
 * Secure (`authorize_uri`), or PromptPay or a bank's app through a source this server makes;
 * Stripe sends the buyer to its hosted Checkout. All come back to the order page.
 */
import { db } from "~/db/client.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { omiseBankApps, omisePromptPayImage, payWithOmise, refreshOmiseCharge } from "./providers/omise/omise.server";
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
export async function startCardPayment(input: { orderId: string; provider: PaymentProvider; token: string | null; source?: OmiseSourceType; orderUrl: string }): Promise<string> {
  if (input.provider === "STRIPE") return stripeCheckoutUrl(input.orderId, input.orderUrl);
  if (input.source) return startOmiseSource({ orderId: input.orderId, source: input.source, orderUrl: input.orderUrl });
  if (!input.token) throw new CardTokenMissingError("A card payment by Omise needs the token Omise.js makes");
  const result = await payWithOmise({ orderId: input.orderId, method: "card", token: input.token, returnUri: () => `${input.orderUrl}?paid=card` });
  return result.kind === "redirect" ? result.url : `${input.orderUrl}?paid=card`;
}

/** The ways besides a card Omise takes here: its PromptPay QR and the Thai banks' apps. */
export const OMISE_SOURCES = ["promptpay", ...omiseBankApps] as const;
export type OmiseSourceType = (typeof OMISE_SOURCES)[number];

/**
 * PromptPay: back to the order page, which shows the charge's QR. A banking app: to the charge's
 * `authorize_uri`, which opens the bank's app and comes back to the order page, where the charge
 * is fetched again.
 */
async function startOmiseSource(input: { orderId: string; source: OmiseSourceType; orderUrl: string }): Promise<string> {
  const result = await payWithOmise({ orderId: input.orderId, method: input.source, returnUri: () => `${input.orderUrl}?paid=card` });
  if (result.kind === "redirect") return result.url;
  return result.kind === "promptpay" ? input.orderUrl : `${input.orderUrl}?paid=card`;
}

/**
 * The QR of an order's Omise PromptPay charge still waiting, as a data URI the page can show
 * (Omise serves it only with the secret key). Null when there is none, or Omise cannot be reached
 * (the page then offers paying again rather than failing).
 */
export async function omisePromptPayQr(orderId: string): Promise<string | null> {
  const payment = await db().payment.findFirst({ where: { orderId, provider: "OMISE", method: "PROMPTPAY", status: "PENDING", providerRef: { not: null } }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!payment) return null;
  try {
    const image = await omisePromptPayImage(payment.id);
    if (!image || !/^image\/(svg\+xml|png)\b/.test(image.contentType)) return null;
    return `data:${image.contentType.split(";")[0]};base64,${image.body.toString("base64")}`;
  } catch (error) {
    console.error(`order ${orderId}: Omise PromptPay QR not fetched: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * The one place that knows which providers exist: the ways of paying the store offers (pay on
 * pickup and PromptPay straight to each group always; Omise and Stripe when their keys are set)
 * and the payout rail that reaches a group for money a provider collected.
 */
import { config } from "~/config.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { PaymentNotOfferedError, type PaymentPort, type PayoutGroup, type PayoutRail } from "./port";
import { manualPayout } from "./providers/manual-payout.server";
import { isOmiseConfigured } from "./providers/omise/api.server";
import { omise, omiseTransfers } from "./providers/omise/omise.server";
import { payOnPickup } from "./providers/on-pickup.server";
import { stripeConnectTransfers } from "./providers/stripe-connect.server";
import { promptPayDirect } from "./providers/promptpay-direct.server";
import { isStripeConfigured, stripePayments } from "./providers/stripe.server";

/**
 * Every provider this store offers now, in the order checkout offers them. Omise (a card through
 * Omise.js on the order page) and Stripe (its hosted Checkout) join when their keys are set.
 */
export function providers(): PaymentPort[] {
  return [promptPayDirect, payOnPickup, ...(isOmiseConfigured() ? [omise] : []), ...(isStripeConfigured() ? [stripePayments] : [])];
}

const known: Partial<Record<PaymentProvider, PaymentPort>> = { CASH_ON_PICKUP: payOnPickup, PROMPTPAY_DIRECT: promptPayDirect, OMISE: omise, STRIPE: stripePayments };

/**
 * The port of a provider. For a payment already made it is found even when the provider's keys
 * were since removed (its refunds then fail loudly instead of vanishing).
 */
export function paymentPort(provider: PaymentProvider, options: { offeredNow?: boolean } = {}): PaymentPort {
  const port = options.offeredNow ? providers().find((candidate) => candidate.provider === provider) : known[provider];
  if (!port) throw new PaymentNotOfferedError(provider);
  return port;
}

/** How the money a provider collected for this group reaches it. */
export function payoutRailFor(provider: PaymentProvider, group: PayoutGroup): PayoutRail {
  if (provider === "OMISE" && isOmiseConfigured()) return omiseTransfers;
  if (provider === "STRIPE" && config().STRIPE_CONNECT) return stripeConnectTransfers;
  // Stripe without Connect cannot pay a third party: staff transfer from the platform's bank.
  return manualPayout(group);
}

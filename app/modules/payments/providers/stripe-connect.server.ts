/**
 * Paying groups through Stripe Connect (`STRIPE_CONNECT=true`): separate charges and transfers. A
 * basket is one charge on the platform's account; each group's share leaves it as its own transfer
 * to the group's connected account, with the order's `transfer_group` and the charge as
 * `source_transaction` (so a transfer never spends money that has not arrived), an idempotency key
 * on every create, and a reversal as the compensation when recording it fails. Payouts are claimed
 * per group and per charge (payouts.server.ts), so every transfer has exactly one source.
 */
import type Stripe from "stripe";
import type { PayoutGroup, PayoutRail } from "../port";
import { stripe } from "./stripe.server";

/** The charge behind a Checkout Session (its PaymentIntent's latest charge), as a transfer's source. */
async function chargeOfSession(sessionId: string): Promise<string> {
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  const intentId = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!intentId) throw new Error(`Stripe session ${sessionId} has no payment`);
  const intent: Stripe.PaymentIntent = await stripe().paymentIntents.retrieve(intentId);
  const charge = typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
  if (!charge) throw new Error(`Stripe payment ${intentId} has no charge`);
  return charge;
}

export const stripeConnectTransfers: PayoutRail = {
  method: "STRIPE_TRANSFER",
  automatic: true,
  minimumSatang: 1,
  async notReady(group: PayoutGroup) {
    if (!group.payoutVerifiedAt) return "notVerified";
    if (!group.stripeAccountId) return "noConnectedAccount";
    const account = await stripe().accounts.retrieve(group.stripeAccountId);
    if (!account.payouts_enabled) return "connectedAccountNotReady";
    return null;
  },
  async send(payout, group) {
    if (!payout.sourceCharge || !payout.transferGroup) throw new Error(`payout ${payout.id}: a Connect transfer needs its order's charge`);
    const transfer = await stripe().transfers.create(
      {
        amount: payout.amountSatang,
        currency: "thb",
        destination: group.stripeAccountId!,
        transfer_group: payout.transferGroup,
        source_transaction: await chargeOfSession(payout.sourceCharge),
        metadata: { payout_id: payout.id },
      },
      { idempotencyKey: payout.idempotencyKey },
    );
    if (transfer.amount !== payout.amountSatang) throw new Error(`Stripe transfer ${transfer.id} is for ${transfer.amount}, not ${payout.amountSatang}`);
    // A transfer between Stripe accounts lands at once; the platform pays no fee on it here.
    return { reference: transfer.id, feeSatang: 0, paid: true };
  },
  async undo(reference) {
    await stripe().transfers.createReversal(reference);
  },
};


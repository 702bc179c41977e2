/**
 * What happens when a provider says a payment the platform collects (Omise, Stripe) has
 * succeeded, failed or expired: the provider's own answer (re-fetched by the caller, never a
 * webhook's word) is checked against the payment — same amount, Thai baht — and applied under the
 * payment's row lock: the payment's status, the order's, and the ledger (the sale, the platform's
 * fee, the provider's fee shared among the group orders). A succeeded payment never goes back,
 * so events that arrive late or out of order change nothing. Money that arrives for an order that
 * expired meanwhile is recorded and sent straight back.
 */
import type { Tx } from "~/db/client.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { recordPaymentReceived } from "~/modules/ledger/ledger.server";
import { requestRefund } from "./refunds.server";

/** What a provider reports about one charge, in its own words normalised. */
export interface ChargeState {
  status: "pending" | "succeeded" | "failed" | "expired";
  amountSatang: number;
  currency: string;
  feeSatang: number;
  failureReason?: string | null;
}

/** No payment of ours matches what a provider sent. */
export class UnknownPaymentError extends Error {
  readonly name = "UnknownPaymentError";
}

/** The provider's amount or currency is not the payment's: refused, nothing recorded. */
export class PaymentMismatchError extends Error {
  readonly name = "PaymentMismatchError";
  constructor(
    readonly paymentId: string,
    readonly expected: { amountSatang: number; currency: string },
    readonly got: { amountSatang: number; currency: string },
  ) {
    super(`Payment ${paymentId}: provider reports ${got.amountSatang} ${got.currency}, expected ${expected.amountSatang} ${expected.currency}`);
  }
}

export type SettleOutcome = "succeeded" | "failed" | "expired" | "unchanged";

/**
 * Applies a provider's state to our payment `paymentId` (of `provider`). Runs in `client` when it
 * is a transaction (so a webhook's record commits with it), otherwise in its own.
 */
export async function settlePlatformPayment(input: { provider: PaymentProvider; paymentId: string; state: ChargeState; providerRef?: string; now?: Date }, client?: Client): Promise<SettleOutcome> {
  return inTransaction(client, async (tx) => {
    const [payment] = await tx.$queryRaw<{ id: string; status: string; amountSatang: number; currency: string; orderId: string; provider: string }[]>`
      SELECT id, status, "amountSatang", currency, "orderId", provider FROM "Payment" WHERE id = ${input.paymentId} FOR UPDATE`;
    if (!payment || payment.provider !== input.provider) throw new UnknownPaymentError(`No ${input.provider} payment ${input.paymentId}`);
    const { state } = input;
    if (state.amountSatang !== payment.amountSatang || state.currency.toUpperCase() !== payment.currency.toUpperCase()) {
      throw new PaymentMismatchError(payment.id, { amountSatang: payment.amountSatang, currency: payment.currency }, { amountSatang: state.amountSatang, currency: state.currency });
    }
    // Money that arrived stays arrived; a later "expired" or "failed" is an event out of order.
    if (payment.status === "SUCCEEDED" || payment.status === "REFUNDED" || payment.status === "PARTIALLY_REFUNDED") return "unchanged";
    const now = input.now ?? new Date();
    if (state.status === "succeeded") {
      await recordSucceeded(tx, payment, state, now);
      return "succeeded";
    }
    // A charge that failed after we gave up waiting (expired, cancelled) keeps the closed status.
    if (payment.status !== "PENDING") return "unchanged";
    if (state.status === "failed" || state.status === "expired") {
      await tx.payment.update({
        where: { id: payment.id },
        data: { status: state.status === "failed" ? "FAILED" : "EXPIRED", failureReason: state.failureReason?.slice(0, 300) ?? state.status, ...(input.providerRef ? { providerRef: input.providerRef } : {}) },
      });
      return state.status;
    }
    return "unchanged";
  });
}

async function recordSucceeded(tx: Tx, payment: { id: string; orderId: string }, state: ChargeState, now: Date) {
  await tx.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED", succeededAt: now, feeSatang: state.feeSatang, failureReason: null } });
  const order = await tx.order.findUniqueOrThrow({
    where: { id: payment.orderId },
    select: { id: true, status: true, groupOrders: { orderBy: { id: "asc" }, select: { id: true, groupId: true, status: true, itemsSatang: true, shippingSatang: true, platformFeeSatang: true } } },
  });
  await recordPaymentReceived(tx, {
    paymentId: payment.id,
    orderId: order.id,
    collectedBy: "platform",
    providerFeeSatang: state.feeSatang,
    groupOrders: order.groupOrders.map((groupOrder) => ({
      groupOrderId: groupOrder.id,
      groupId: groupOrder.groupId,
      totalSatang: groupOrder.itemsSatang + groupOrder.shippingSatang,
      platformFeeSatang: groupOrder.platformFeeSatang,
    })),
  });
  if (order.status === "PENDING_PAYMENT") {
    await tx.order.update({ where: { id: order.id }, data: { status: "PAID", expiresAt: null } });
    return;
  }
  // The order expired or was cancelled before the money came: every group order's part goes back.
  for (const groupOrder of order.groupOrders.filter((part) => part.status === "CANCELLED")) {
    await requestRefund(tx, { groupOrderId: groupOrder.id, reason: "paid after the order closed", actorId: null, now });
  }
}

/** The platform-collected payment of an order that is still open, if any (the one a buyer pays now). */
export function openPlatformPayment(orderId: string, client: Client = db()) {
  return client.payment.findFirst({
    where: { orderId, groupOrderId: null, provider: { in: ["OMISE", "STRIPE"] }, status: { in: ["PENDING", "AWAITING_CONFIRMATION"] } },
    orderBy: { createdAt: "desc" },
  });
}

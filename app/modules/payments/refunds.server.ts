/**
 * Money sent back to a buyer, per group order: through the provider that took it (Omise,
 * Stripe), or, for money the group holds itself (PromptPay straight to it, cash), by the group by
 * hand, recorded with who sent it. A refund is asked for in the same transaction as its cause (a
 * cancelled group order, a late payment for a closed order, a group's decision), as a PENDING
 * Refund row; provider refunds are then sent by `processPendingRefunds` outside any order's
 * transaction, with an idempotency key, and recorded in the ledger once the provider confirms.
 * Never more than was paid for the group order; never after its money was paid out.
 */
import type { Tx } from "~/db/client.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { now as clockNow } from "~/lib/clock.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { recordRefund } from "~/modules/ledger/ledger.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { nextAttemptAt } from "./backoff";
import { refundSentMessages } from "./payment-messages.server";
import { paymentPort } from "./providers.server";

export class RefundTooLargeError extends Error {
  readonly name = "RefundTooLargeError";
  constructor(
    readonly requestedSatang: number,
    readonly refundableSatang: number,
  ) {
    super(`A refund of ${requestedSatang} satang is more than the ${refundableSatang} satang still refundable`);
  }
}

export class NothingToRefundError extends Error {
  readonly name = "NothingToRefundError";
}

/** The group order's money has been paid out to the group: sending it back is staff's work by hand. */
export class AlreadyPaidOutError extends Error {
  readonly name = "AlreadyPaidOutError";
}

const paidStatuses = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;

/** The payment that paid for a group order (its own, or its order's platform payment), locked, and what is left to refund. */
async function paidFor(tx: Tx, groupOrderId: string) {
  const groupOrder = await tx.groupOrder.findUniqueOrThrow({
    where: { id: groupOrderId },
    select: { id: true, orderId: true, groupId: true, itemsSatang: true, shippingSatang: true, payout: { select: { status: true } } },
  });
  const payment = await tx.payment.findFirst({
    where: { status: { in: [...paidStatuses] }, OR: [{ groupOrderId }, { orderId: groupOrder.orderId, groupOrderId: null }] },
    select: { id: true, provider: true },
  });
  if (!payment) return { groupOrder, payment: null, refundable: 0, paid: 0 };
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${payment.id} FOR UPDATE`;
  const paid = groupOrder.itemsSatang + groupOrder.shippingSatang;
  const asked = await tx.refund.aggregate({ where: { groupOrderId, status: { not: "FAILED" } }, _sum: { amountSatang: true } });
  return { groupOrder, payment, paid, refundable: paid - (asked._sum.amountSatang ?? 0) };
}

/**
 * Asks for money to go back to the buyer for one group order: `amountSatang`, or all that is
 * still refundable. Returns null when nothing was paid (or everything is already refunded) and
 * no amount was asked for. Money the group holds is refunded by hand: with `sentById` the group
 * says it has already sent it, otherwise the refund waits for the group to record it.
 */
export async function requestRefund(
  tx: Tx,
  input: { groupOrderId: string; amountSatang?: number; reason: string; actorId: string | null; sentById?: string; now?: Date },
): Promise<{ refundId: string; manual: boolean } | null> {
  const { groupOrder, payment, refundable, paid } = await paidFor(tx, input.groupOrderId);
  if (!payment || refundable <= 0) {
    if (input.amountSatang === undefined) return null;
    throw payment ? new RefundTooLargeError(input.amountSatang, 0) : new NothingToRefundError("Nothing was paid for this order");
  }
  const amount = input.amountSatang ?? refundable;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`refund must be whole satang > 0, got ${amount}`);
  if (amount > refundable) throw new RefundTooLargeError(amount, refundable);
  if (groupOrder.payout && groupOrder.payout.status !== "FAILED") throw new AlreadyPaidOutError("This group order has been paid out to the group");
  const manual = paymentPort(payment.provider).collectedBy === "group";
  const count = await tx.refund.count({ where: { groupOrderId: groupOrder.id } });
  const refund = await tx.refund.create({
    data: { paymentId: payment.id, groupOrderId: groupOrder.id, amountSatang: amount, reason: input.reason.slice(0, 300), manual, idempotencyKey: `refund:${groupOrder.id}:${count + 1}` },
    select: { id: true },
  });
  await recordAudit(tx, { actorId: input.actorId, groupId: groupOrder.groupId, action: "refund.request", subjectType: "Refund", subjectId: refund.id, after: { amountSatang: amount, of: paid, manual, reason: input.reason } });
  if (manual && input.sentById) await completeRefund(tx, refund.id, { sentById: input.sentById, now: input.now });
  return { refundId: refund.id, manual };
}

/** A refund reached the buyer: the refund, its payment's refunded total and the ledger, together. */
async function completeRefund(tx: Tx, refundId: string, how: { providerRef?: string | null; sentById?: string; now?: Date }) {
  const refund = await tx.refund.update({
    where: { id: refundId },
    data: { status: "SUCCEEDED", completedAt: how.now ?? new Date(), providerRef: how.providerRef ?? undefined, sentById: how.sentById, failureReason: null },
    select: { id: true, amountSatang: true, manual: true, paymentId: true, groupOrderId: true, groupOrder: { select: { orderId: true, groupId: true, itemsSatang: true, shippingSatang: true } } },
  });
  const payment = await tx.payment.update({ where: { id: refund.paymentId }, data: { refundedSatang: { increment: refund.amountSatang } }, select: { amountSatang: true, refundedSatang: true } });
  await tx.payment.update({ where: { id: refund.paymentId }, data: { status: payment.refundedSatang >= payment.amountSatang ? "REFUNDED" : "PARTIALLY_REFUNDED" } });
  const groupOrder = refund.groupOrder!;
  const done = await tx.refund.aggregate({ where: { groupOrderId: refund.groupOrderId, status: "SUCCEEDED" }, _sum: { amountSatang: true } });
  await recordRefund(tx, {
    refundId: refund.id,
    orderId: groupOrder.orderId,
    groupId: groupOrder.groupId,
    groupOrderId: refund.groupOrderId!,
    amountSatang: refund.amountSatang,
    from: refund.manual ? "group" : "platform",
    completes: (done._sum.amountSatang ?? 0) >= groupOrder.itemsSatang + groupOrder.shippingSatang,
  });
  await refundSentMessages(tx, refund.id);
}

/**
 * A group refunds a buyer for one of its own group orders. Money it holds itself (PromptPay to it,
 * cash) it has sent back by hand: recorded at once, with who did it. Money the platform collected
 * goes back through the provider (pending until `processPendingRefunds` sends it).
 */
export async function refundByGroup(input: { groupId: string; groupOrderId: string; amountSatang: number; reason: string; actorId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GroupOrder" WHERE id = ${input.groupOrderId} AND "groupId" = ${input.groupId} FOR UPDATE`;
    if (locked.length === 0) throw new NotInGroupError("order");
    // A cancellation already asked for this money back by hand: recording it sends that one.
    const waiting = await tx.refund.findFirst({ where: { groupOrderId: input.groupOrderId, manual: true, status: "PENDING", amountSatang: input.amountSatang }, select: { id: true } });
    if (waiting) {
      await completeRefund(tx, waiting.id, { sentById: input.actorId });
      await recordAudit(tx, { actorId: input.actorId, groupId: input.groupId, action: "refund.sent", subjectType: "Refund", subjectId: waiting.id });
      return { refundId: waiting.id, manual: true };
    }
    const refund = await requestRefund(tx, { groupOrderId: input.groupOrderId, amountSatang: input.amountSatang, reason: input.reason, actorId: input.actorId, sentById: input.actorId });
    return refund!;
  });
}

/** A group says it sent a refund back by hand (PromptPay, cash): who did, recorded with it. */
export async function recordManualRefundSent(input: { groupId: string; refundId: string; actorId: string; now?: Date }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const [refund] = await tx.$queryRaw<{ id: string; status: string; manual: boolean }[]>`
      SELECT r.id, r.status, r.manual FROM "Refund" r JOIN "GroupOrder" g ON g.id = r."groupOrderId"
      WHERE r.id = ${input.refundId} AND g."groupId" = ${input.groupId} FOR UPDATE OF r`;
    if (!refund || !refund.manual) throw new NotInGroupError("refund");
    if (refund.status !== "PENDING") return false;
    await completeRefund(tx, refund.id, { sentById: input.actorId, now: input.now });
    await recordAudit(tx, { actorId: input.actorId, groupId: input.groupId, action: "refund.sent", subjectType: "Refund", subjectId: refund.id });
    return true;
  });
}

/**
 * Sends pending provider refunds, one at a time, each under its row's lock (SKIP LOCKED, so
 * several instances share the work); run by the money schedule (schedule.server.ts). The provider
 * gets the refund's idempotency key (Omise, which keeps none, is first asked for the refund made
 * before), so asking again after a crash or a "pending" answer never refunds twice. A provider
 * that cannot be reached, or says the refund is still pending, is asked again later, backing off
 * (backoff.ts); the ledger records the refund only when the provider says the money went back. One
 * that refuses marks it FAILED, recording nothing, so its amount may be asked for again.
 */
export async function processPendingRefunds(now = clockNow(), limit = 20): Promise<{ sent: number; failed: number; waiting: number }> {
  const report = { sent: 0, failed: 0, waiting: 0 };
  const tried = new Set<string>();
  for (let i = 0; i < limit; i++) {
    const outcome = await db().$transaction(
      async (tx) => {
        const [refund] = await tx.$queryRaw<{ id: string; amountSatang: number; idempotencyKey: string; paymentId: string; attempts: number }[]>`
          SELECT id, "amountSatang", "idempotencyKey", "paymentId", attempts FROM "Refund"
          WHERE status = 'PENDING' AND manual = false AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now}) AND NOT (id = ANY(${[...tried]}::text[]))
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!refund) return null;
        tried.add(refund.id);
        const attempts = refund.attempts + 1;
        const later = (fields: { providerRef?: string | null; failureReason?: string }) =>
          tx.refund.update({ where: { id: refund.id }, data: { ...fields, attempts, nextAttemptAt: nextAttemptAt(now, attempts) } });
        const payment = await tx.payment.findUniqueOrThrow({ where: { id: refund.paymentId }, select: { id: true, provider: true, providerRef: true } });
        // A provider this store no longer knows must not hold up the refunds queued behind it.
        const port = (() => {
          try {
            return paymentPort(payment.provider);
          } catch {
            return null;
          }
        })();
        if (!port?.refund) {
          await later({ failureReason: `will retry: ${payment.provider} cannot send refunds here` });
          return "waiting" as const;
        }
        let answer;
        try {
          answer = await port.refund({ payment, refund: { id: refund.id, amountSatang: refund.amountSatang, idempotencyKey: refund.idempotencyKey } });
        } catch (error) {
          await later({ failureReason: `will retry: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) });
          console.error(`refund ${refund.id}: ${error instanceof Error ? error.message : String(error)}`);
          return "waiting" as const;
        }
        if (answer.status === "SUCCEEDED") {
          await completeRefund(tx, refund.id, { providerRef: answer.providerRef, now });
          return "sent" as const;
        }
        if (answer.status === "FAILED") {
          await tx.refund.update({
            where: { id: refund.id },
            data: { status: "FAILED", attempts, nextAttemptAt: null, providerRef: answer.providerRef, failureReason: answer.failureReason?.slice(0, 300) ?? "refused by the provider" },
          });
          return "failed" as const;
        }
        await later({ providerRef: answer.providerRef, failureReason: "pending at the provider" });
        return "waiting" as const;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (outcome === null) break;
    report[outcome]++;
  }
  return report;
}

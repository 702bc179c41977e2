/**
 * Payments: which ways of paying the store offers, starting them for a placed order, and
 * recording what the groups confirm. Owns Payment, Refund and WebhookEvent. Providers implement
 * the port (port.ts); this module is the only one that knows which providers exist.
 */
import type { Tx } from "~/db/client.server";
import type { PaymentProvider } from "~/generated/prisma/enums";
import { NotInGroupError } from "~/modules/groups/errors";
import { PaymentNotOfferedError, type PayableOrder, type PayeeGroup } from "./port";
import { paymentPort, providers } from "./providers.server";

export { paymentPort };

/** The ways of paying offered for a basket from these groups. */
export function offeredPayments(groups: readonly PayeeGroup[]): PaymentProvider[] {
  return providers()
    .filter((port) => port.offeredFor(groups))
    .map((port) => port.provider);
}

/** Starts the chosen way of paying for a placed order, in the order's transaction. */
export async function startPayment(tx: Tx, provider: PaymentProvider, order: PayableOrder, groups: readonly PayeeGroup[], options: { expiresAt: Date | null }) {
  const port = paymentPort(provider, { offeredNow: true });
  if (!port.offeredFor(groups)) throw new PaymentNotOfferedError(provider);
  await port.start(tx, order, options);
}

export class PaymentStateError extends Error {
  readonly name = "PaymentStateError";
}

/**
 * A group says it has been paid for its group order (cash or transfer on pickup): the pending
 * payment succeeds. Returns the order id so the caller can see whether the whole order is paid.
 */
export async function confirmPaidToGroup(tx: Tx, input: { groupId: string; groupOrderId: string; actorId: string }) {
  const payment = await tx.payment.findFirst({
    where: { groupOrderId: input.groupOrderId, groupOrder: { groupId: input.groupId }, status: { in: ["PENDING", "AWAITING_CONFIRMATION"] } },
    select: { id: true, orderId: true, provider: true },
  });
  if (!payment) {
    const exists = await tx.groupOrder.count({ where: { id: input.groupOrderId, groupId: input.groupId } });
    if (!exists) throw new NotInGroupError("order");
    throw new PaymentStateError("There is no payment waiting for confirmation on this order");
  }
  await tx.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED", succeededAt: new Date(), confirmedById: input.actorId } });
  return { orderId: payment.orderId, paymentId: payment.id };
}

/** Whether every payment of an order has succeeded (so the order is paid). */
export async function orderFullyPaid(tx: Tx, orderId: string): Promise<boolean> {
  const payments = await tx.payment.findMany({ where: { orderId, status: { notIn: ["CANCELLED", "EXPIRED", "FAILED"] } }, select: { status: true } });
  return payments.length > 0 && payments.every((payment) => payment.status === "SUCCEEDED");
}

/** The payments of a cancelled or expired order that never completed are closed. */
export async function closeOpenPayments(tx: Tx, orderId: string, status: "CANCELLED" | "EXPIRED", groupOrderId?: string): Promise<void> {
  await tx.payment.updateMany({ where: { orderId, ...(groupOrderId ? { groupOrderId } : {}), status: { in: ["PENDING", "AWAITING_CONFIRMATION"] } }, data: { status } });
}

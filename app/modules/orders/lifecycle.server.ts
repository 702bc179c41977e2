/**
 * Moving orders through their life: a group moves its own group order (accept, produce, pack,
 * ship or hand over, deliver, cancel), a buyer cancels before any group accepted, an unpaid
 * order expires. Each move locks the group order's row, checks the state machine (status.ts),
 * records who did it (GroupOrderEvent, AuditLog), releases stock and capacity when something is
 * cancelled, settles the order's own status, and tells the buyer through the outbox — all in
 * one transaction.
 */
import type { Tx } from "~/db/client.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { GroupOrderStatus } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { release } from "~/modules/catalog/capacity.server";
import { productsChanged } from "~/modules/catalog/changes.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { recordPaymentReceived } from "~/modules/ledger/ledger.server";
import { closeOpenPayments, confirmPaidToGroup, orderFullyPaid } from "~/modules/payments/payments.server";
import { requestRefund } from "~/modules/payments/refunds.server";
import { groupOrderMovedMessages, orderClosedMessages } from "./messages.server";
import { buyerMayCancel, checkTransition, isClosed, type TransitionDetails } from "./status";
import { isPickup } from "~/modules/shipping/kinds";

export class OrderNotCancellableError extends Error {
  readonly name = "OrderNotCancellableError";
}

/** The group order is no longer in the status the person acting saw (someone else moved it). */
export class OrderChangedError extends Error {
  readonly name = "OrderChangedError";
  constructor(readonly current: GroupOrderStatus) {
    super(`The group order is now ${current}`);
  }
}

/** Gives back the stock and production weeks a group order's lines took. */
async function releaseGroupOrder(tx: Tx, groupOrderId: string): Promise<void> {
  const lines = await tx.orderLine.findMany({ where: { groupOrderId }, select: { id: true, productId: true, productSlug: true, quantityFromStock: true } });
  await release(
    tx,
    lines.map((line) => ({ orderLineId: line.id, productId: line.productId, quantityFromStock: line.quantityFromStock })),
  );
  await productsChanged(
    tx,
    lines.filter((line) => line.quantityFromStock > 0).map((line) => line.productSlug),
  );
}

/** After a group order moved: the order is completed when every part is done, cancelled when every part is. */
async function settleOrder(tx: Tx, orderId: string): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, groupOrders: { select: { status: true } } } });
  const statuses = order.groupOrders.map((groupOrder) => groupOrder.status);
  if (statuses.every((status) => status === "CANCELLED")) {
    if (order.status !== "EXPIRED") await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await closeOpenPayments(tx, orderId, "CANCELLED");
  } else if (statuses.every(isClosed) && statuses.includes("DELIVERED")) {
    await tx.order.update({ where: { id: orderId }, data: { status: "COMPLETED" } });
  }
}

/**
 * A group moves one of its own group orders. The group order is looked up within the group, so
 * another group's order is NotInGroupError; an illegal move is IllegalTransitionError. `from` is
 * the status the actor's page showed: when given and no longer true, the move is refused
 * (OrderChangedError) rather than applied to an order they have not seen.
 */
export async function moveGroupOrder(
  input: { groupId: string; groupOrderId: string; to: GroupOrderStatus; actorId: string; details?: TransitionDetails; from?: GroupOrderStatus },
  client?: Client,
) {
  return inTransaction(client, async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GroupOrder" WHERE id = ${input.groupOrderId} AND "groupId" = ${input.groupId} FOR UPDATE`;
    if (locked.length === 0) throw new NotInGroupError("order");
    const groupOrder = await tx.groupOrder.findUniqueOrThrow({ where: { id: input.groupOrderId }, select: { id: true, orderId: true, status: true, shippingKind: true } });
    if (input.from && input.from !== groupOrder.status) throw new OrderChangedError(groupOrder.status);
    const details = input.details ?? {};
    checkTransition(groupOrder.status, input.to, isPickup(groupOrder.shippingKind), details);
    const now = new Date();
    await tx.groupOrder.update({
      where: { id: groupOrder.id },
      data: {
        status: input.to,
        ...(input.to === "ACCEPTED" ? { acceptedAt: now } : {}),
        ...(input.to === "SHIPPED" ? { shippedAt: now, carrier: details.carrier, trackingNumber: details.trackingNumber } : {}),
        ...(input.to === "DELIVERED" ? { deliveredAt: now } : {}),
        ...(input.to === "CANCELLED" ? { cancelledAt: now, cancelReason: details.reason?.trim() } : {}),
      },
    });
    const event = await tx.groupOrderEvent.create({
      data: { groupOrderId: groupOrder.id, from: groupOrder.status, to: input.to, actorId: input.actorId, note: input.to === "CANCELLED" ? details.reason?.trim() : (details.trackingNumber ?? null) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "order.status.set",
      subjectType: "GroupOrder",
      subjectId: groupOrder.id,
      before: { status: groupOrder.status },
      after: { status: input.to, ...(details.trackingNumber ? { carrier: details.carrier ?? null, trackingNumber: details.trackingNumber } : {}), ...(details.reason ? { reason: details.reason } : {}) },
    });
    if (input.to === "CANCELLED") {
      await releaseGroupOrder(tx, groupOrder.id);
      await closeOpenPayments(tx, groupOrder.orderId, "CANCELLED", groupOrder.id);
      // Money already paid for it goes back: through the provider, or by the group's own hand (the refund waits for it to say so).
      await requestRefund(tx, { groupOrderId: groupOrder.id, reason: details.reason?.trim() || "cancelled", actorId: input.actorId });
    }
    await settleOrder(tx, groupOrder.orderId);
    await groupOrderMovedMessages(tx, groupOrder.id, input.to, event.id);
    return { status: input.to };
  });
}

/** A group says its buyer paid it (cash or transfer on pickup or delivery). */
export async function confirmPaymentReceived(input: { groupId: string; groupOrderId: string; actorId: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const { orderId, paymentId } = await confirmPaidToGroup(tx, input);
    const groupOrder = await tx.groupOrder.findUniqueOrThrow({ where: { id: input.groupOrderId }, select: { itemsSatang: true, shippingSatang: true, platformFeeSatang: true } });
    // The money went straight to the group: its books record it, and the platform's fee it now owes.
    await recordPaymentReceived(tx, {
      paymentId,
      orderId,
      collectedBy: "group",
      providerFeeSatang: 0,
      groupOrders: [{ groupOrderId: input.groupOrderId, groupId: input.groupId, totalSatang: groupOrder.itemsSatang + groupOrder.shippingSatang, platformFeeSatang: groupOrder.platformFeeSatang }],
    });
    await recordAudit(tx, { actorId: input.actorId, groupId: input.groupId, action: "payment.confirmed", subjectType: "Payment", subjectId: paymentId });
    if (await orderFullyPaid(tx, orderId)) await tx.order.updateMany({ where: { id: orderId, status: "PENDING_PAYMENT" }, data: { status: "PAID" } });
  });
}

export class NotReceivableError extends Error {
  readonly name = "NotReceivableError";
}

/**
 * The buyer says a group's part arrived: its money may be paid out without waiting for the hold.
 * Only once the group sent it (shipped, ready for pickup or delivered); saying it twice is a no-op.
 */
export async function confirmReceivedByBuyer(input: { orderId: string; groupOrderId: string; actorId: string | null; now?: Date }, client?: Client) {
  return inTransaction(client, async (tx) => {
    const [groupOrder] = await tx.$queryRaw<{ id: string; groupId: string; status: string; receivedAt: Date | null }[]>`
      SELECT id, "groupId", status, "receivedAt" FROM "GroupOrder" WHERE id = ${input.groupOrderId} AND "orderId" = ${input.orderId} FOR UPDATE`;
    if (!groupOrder) throw new NotInGroupError("order");
    if (!["SHIPPED", "READY_FOR_PICKUP", "DELIVERED"].includes(groupOrder.status)) throw new NotReceivableError(`The group order is ${groupOrder.status}`);
    if (groupOrder.receivedAt) return false;
    await tx.groupOrder.update({ where: { id: groupOrder.id }, data: { receivedAt: input.now ?? new Date() } });
    await recordAudit(tx, { actorId: input.actorId, groupId: groupOrder.groupId, action: "order.received", subjectType: "GroupOrder", subjectId: groupOrder.id });
    return true;
  });
}

/** The buyer cancels the whole order; allowed only while no group has accepted any part of it. */
export async function cancelOrderByBuyer(input: { orderId: string; actorId: string | null; reason: string }, client?: Client) {
  return inTransaction(client, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "GroupOrder" WHERE "orderId" = ${input.orderId} ORDER BY id FOR UPDATE`;
    const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { id: true, status: true, groupOrders: { select: { id: true, status: true } } } });
    if (order.status !== "PENDING_PAYMENT" && order.status !== "PAID") throw new OrderNotCancellableError("The order is already closed");
    if (!buyerMayCancel(order.groupOrders.map((groupOrder) => groupOrder.status))) throw new OrderNotCancellableError("A group has already accepted part of this order");
    for (const groupOrder of order.groupOrders) {
      await tx.groupOrder.update({ where: { id: groupOrder.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: input.reason } });
      await tx.groupOrderEvent.create({ data: { groupOrderId: groupOrder.id, from: groupOrder.status, to: "CANCELLED", actorId: input.actorId, note: input.reason } });
      await releaseGroupOrder(tx, groupOrder.id);
      await requestRefund(tx, { groupOrderId: groupOrder.id, reason: input.reason, actorId: input.actorId });
    }
    await tx.order.update({ where: { id: order.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: input.reason } });
    await closeOpenPayments(tx, order.id, "CANCELLED");
    await orderClosedMessages(tx, order.id, "cancelled");
  });
}

/**
 * Expires orders paid up front whose money did not arrive in time: their group orders are
 * cancelled, stock and capacity released, open payments closed, buyers told. Each order is
 * claimed with SKIP LOCKED, so every app instance may run this at once.
 */
export async function expireUnpaidOrders(now = new Date(), limit = 100): Promise<number> {
  let expired = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db().$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Order" WHERE status = 'PENDING_PAYMENT' AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}
        ORDER BY "expiresAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due) return false;
      const groupOrders = await tx.groupOrder.findMany({
        where: { orderId: due.id, status: { not: "CANCELLED" } },
        select: { id: true, status: true, payments: { where: { status: "SUCCEEDED" }, select: { id: true } } },
      });
      // Paid straight to each group, one group may have its money while another never got its
      // transfer: only the unpaid parts expire, and the paid ones go on as a paid order.
      const paid = groupOrders.filter((groupOrder) => groupOrder.payments.length > 0);
      if (paid.length > 0) {
        for (const groupOrder of groupOrders.filter((part) => part.payments.length === 0)) {
          await tx.groupOrder.update({ where: { id: groupOrder.id }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: "expired" } });
          const event = await tx.groupOrderEvent.create({ data: { groupOrderId: groupOrder.id, from: groupOrder.status, to: "CANCELLED", actorId: null, note: "expired" }, select: { id: true } });
          await releaseGroupOrder(tx, groupOrder.id);
          await closeOpenPayments(tx, due.id, "EXPIRED", groupOrder.id);
          await groupOrderMovedMessages(tx, groupOrder.id, "CANCELLED", event.id);
        }
        await tx.order.update({ where: { id: due.id }, data: { status: "PAID", expiresAt: null } });
        return true;
      }
      for (const groupOrder of groupOrders) {
        await tx.groupOrder.update({ where: { id: groupOrder.id }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: "expired" } });
        await tx.groupOrderEvent.create({ data: { groupOrderId: groupOrder.id, from: groupOrder.status, to: "CANCELLED", actorId: null, note: "expired" } });
        await releaseGroupOrder(tx, groupOrder.id);
      }
      await tx.order.update({ where: { id: due.id }, data: { status: "EXPIRED", cancelledAt: now, cancelReason: "expired" } });
      await closeOpenPayments(tx, due.id, "EXPIRED");
      await orderClosedMessages(tx, due.id, "expired");
      return true;
    });
    if (!done) break;
    expired++;
  }
  return expired;
}

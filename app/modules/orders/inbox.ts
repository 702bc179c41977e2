/**
 * The group's order inbox, as pure rules the pages and tests share: which moves to offer on a
 * group order (the state machine's, minus the ones that make no sense for it), where its money
 * stands for the group, and the "older" cursor of the inbox's keyset paging.
 */
import type { GroupOrderStatus, OrderStatus, PaymentProvider, PaymentStatus } from "~/generated/prisma/enums";
import { nextStatuses } from "./status";

/**
 * The moves to offer now. "In production" is offered only when some line is made to order:
 * the state machine allows it for any accepted order, but for ready stock it is a step that
 * tells the buyer something untrue.
 */
export function offeredMoves(status: GroupOrderStatus, pickup: boolean, hasMadeToOrder: boolean): GroupOrderStatus[] {
  return nextStatuses(status, pickup).filter((to) => to !== "IN_PRODUCTION" || hasMadeToOrder);
}

export type PaymentState = "paid" | "partlyRefunded" | "refunded" | "slipToCheck" | "collect" | "awaiting" | "closed" | "none";

const OPEN: readonly PaymentStatus[] = ["PENDING", "AWAITING_CONFIRMATION"];

/**
 * A payment the group itself confirms: paid at the hand-over, or transferred by PromptPay straight
 * to the group (with a slip, or without one when the treasurer sees the money in the account).
 */
export function isConfirmableByGroup(payment: { provider: PaymentProvider; status: PaymentStatus }): boolean {
  return (payment.provider === "CASH_ON_PICKUP" || payment.provider === "PROMPTPAY_DIRECT") && OPEN.includes(payment.status);
}

/**
 * Where the group order's money stands: from its own payments (pay-on-pickup and direct
 * transfers are per group order), otherwise from the order's status (one payment for the
 * whole basket).
 */
export function paymentState(payments: readonly { provider: PaymentProvider; status: PaymentStatus }[], orderStatus?: OrderStatus): PaymentState {
  const has = (status: PaymentStatus) => payments.some((payment) => payment.status === status);
  if (has("REFUNDED")) return "refunded";
  if (has("PARTIALLY_REFUNDED")) return "partlyRefunded";
  if (has("SUCCEEDED")) return "paid";
  if (payments.some((payment) => payment.provider === "PROMPTPAY_DIRECT" && payment.status === "AWAITING_CONFIRMATION")) return "slipToCheck";
  if (payments.some((payment) => payment.provider === "CASH_ON_PICKUP" && OPEN.includes(payment.status))) return "collect";
  if (payments.some((payment) => OPEN.includes(payment.status))) return "awaiting";
  if (payments.length > 0) return "closed";
  if (orderStatus === "PAID" || orderStatus === "COMPLETED") return "paid";
  if (orderStatus === "PENDING_PAYMENT") return "awaiting";
  return "none";
}

/** The inbox's "older" link: the last row's time and id, as `<ms>.<id>`. */
export function inboxCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}.${row.id}`;
}

/** A cursor from the query string; anything malformed is null (the first page). */
export function parseInboxCursor(value: string | null): { createdAt: Date; id: string } | null {
  const match = value?.match(/^(\d{1,15})\.([a-z0-9]{1,40})$/);
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2] };
}

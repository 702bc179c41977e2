/**
 * Pay the group on pickup or delivery: cash, or a transfer when the goods arrive. No money moves
 * through the store; each group order gets its own pending payment, which the group confirms in
 * its workspace when it has been paid. Always offered, needs no keys, never expires (the group
 * cancels if the buyer never comes).
 */
import type { PaymentPort } from "../port";

export const payOnPickup: PaymentPort = {
  provider: "CASH_ON_PICKUP",
  paysUpFront: false,
  collectedBy: "group",
  offeredFor: () => true,
  async start(tx, order) {
    await tx.payment.createMany({
      data: order.groupOrders.map((groupOrder) => ({
        orderId: order.id,
        groupOrderId: groupOrder.id,
        provider: "CASH_ON_PICKUP" as const,
        method: "CASH" as const,
        amountSatang: groupOrder.totalSatang,
        idempotencyKey: `cash:${groupOrder.id}`,
      })),
    });
  },
  async nextStep() {
    return { kind: "payLater" };
  },
};

/**
 * PromptPay straight to each group: no intermediary at all. Each group order gets its own
 * payment for its exact amount to that group's own PromptPay id; the buyer scans one QR per
 * group (or saves it and opens it in a banking app on the same phone), then uploads the slip
 * (slips.server.ts), and the group's treasurer confirms the money arrived. Offered only when
 * every group in the basket has a PromptPay id and payout details staff have verified. Paid up
 * front: an order whose money does not arrive in time expires and gives its stock back.
 */
import type { PaymentPort } from "../port";
import { promptPayTarget } from "../promptpay";

export const promptPayDirect: PaymentPort = {
  provider: "PROMPTPAY_DIRECT",
  paysUpFront: true,
  collectedBy: "group",
  offeredFor: (groups) => groups.length > 0 && groups.every((group) => group.promptPayId !== null && promptPayTarget(group.promptPayId) !== null && group.payoutVerifiedAt !== null),
  async start(tx, order, { expiresAt }) {
    await tx.payment.createMany({
      data: order.groupOrders.map((groupOrder) => ({
        orderId: order.id,
        groupOrderId: groupOrder.id,
        provider: "PROMPTPAY_DIRECT" as const,
        method: "PROMPTPAY" as const,
        amountSatang: groupOrder.totalSatang,
        expiresAt,
        idempotencyKey: `promptpay:${groupOrder.id}:1`,
      })),
    });
  },
  async nextStep(order) {
    return { kind: "page", path: `/orders/${order.number}` };
  },
};

/**
 * Paying a group by hand: staff transfer the amount from the platform's bank account to the
 * group's verified PromptPay id (or its bank account) and record the transfer's reference. Used
 * for money Stripe collected without Connect (a Thai platform cannot pay third parties from its
 * Stripe balance) and whenever no provider transfer reaches the group.
 */
import type { PayoutGroup, PayoutRail } from "../port";

export function manualPayout(group: PayoutGroup): PayoutRail {
  return {
    method: group.promptPayId ? "PROMPTPAY" : "BANK_TRANSFER",
    automatic: false,
    minimumSatang: 1,
    async notReady(candidate) {
      if (!candidate.payoutVerifiedAt) return "notVerified";
      if (!candidate.promptPayId && !(candidate.payoutBankCode && candidate.payoutAccountNo)) return "noPayoutDetails";
      return null;
    },
    async send() {
      return { reference: "", feeSatang: 0, paid: false };
    },
  };
}

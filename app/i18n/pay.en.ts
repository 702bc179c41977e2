/** English texts of paying and being paid: the same keys as pay.th.ts. */
import type { Dictionary } from "./th";

export const payEn: Pick<Dictionary, "pay" | "payMail"> = {
  pay: {
    title: "Pay {{group}}",
    qrLabel: "PromptPay QR of {{group}} for {{amount}}",
    howTo: "Scan it with a banking app, or save the picture and open it from the banking app on this phone. The money goes straight to the group; then attach the slip below.",
    saveImage: "Save the QR picture",
    slip: {
      formLabel: "Attach the transfer slip for {{group}}",
      label: "Picture of the transfer slip",
      send: "Send the slip",
      sent: "Slip received. The group will check its account and confirm.",
      missing: "Please choose the slip's picture",
      tooLarge: "The picture is too large; please send a screenshot of the slip",
      notAnImage: "This file is not a picture",
      noQr: "No QR code was found in this picture. Please send the whole slip with its corner QR code clearly visible",
      notASlip: "The QR code in this picture is not a transfer slip's",
      alreadyUsed: "This slip has already been used for another order",
      notAwaitingSlip: "This payment is no longer waiting for a slip",
    },
    state: {
      PENDING: "Waiting for your transfer",
      AWAITING_CONFIRMATION: "Slip sent; waiting for the group to confirm",
      SUCCEEDED: "The group confirmed it received the money",
      FAILED: "The payment failed",
      CANCELLED: "Payment cancelled",
      EXPIRED: "The time to pay has passed",
      REFUNDED: "Refunded",
      PARTIALLY_REFUNDED: "Partly refunded",
    },
    groupSlip: {
      title: "Transfer slip",
      reference: "Transfer reference {{reference}}",
      imageAlt: "The transfer slip the buyer attached",
      noSlip: "The buyer has not attached a slip yet. Check the group's PromptPay account before confirming",
      checkFirst: "Check that {{amount}} really reached the group's PromptPay account before you confirm",
    },
  },
  payMail: {
    slipToConfirmSubject: "A slip to check for order {{number}}",
    slipToConfirm: "The buyer attached a slip for {{amount}} for order {{number}}. Check the account and confirm at {{link}}",
    slipRejectedSubject: "The slip for order {{number}} was not accepted",
    slipRejected: "{{group}} has not found the transfer on the slip: {{reason}}",
    refundSubject: "Refund for order {{number}}",
    refund: "{{amount}} for order {{number}} has been refunded",
  },
};

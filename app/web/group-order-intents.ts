/**
 * What the group order page's forms post, one schema per `intent`, shared by the browser
 * (conform checks before posting, when JavaScript runs) and the action. Every move carries the
 * status the page showed (`from`). Errors are dictionary keys.
 */
import { z } from "zod";
import { CARRIERS, normaliseTrackingNumber, trackingNumberProblem } from "~/modules/orders/carriers";
import { GROUP_ORDER_STATUSES } from "~/modules/orders/status";
import { bahtToSatang } from "~/modules/shipping/method-fields";

export const CANCEL_REASON_MAX = 500;

const status = z.enum(GROUP_ORDER_STATUSES, { message: "inbox.errors.badForm" });

export const shipIntent = z
  .object({
    intent: z.literal("ship"),
    from: status,
    carrier: z.enum(CARRIERS, { message: "inbox.errors.carrier" }),
    trackingNumber: z.string({ message: "inbox.errors.trackingRequired" }).max(200, "inbox.errors.trackingFormat").transform(normaliseTrackingNumber),
  })
  .superRefine((value, context) => {
    const problem = value.trackingNumber === "" ? "required" : trackingNumberProblem(value.carrier, value.trackingNumber);
    if (!problem) return;
    const message = { required: "inbox.errors.trackingRequired", thailandPost: "inbox.errors.trackingThailandPost", format: "inbox.errors.trackingFormat" }[problem];
    context.addIssue({ code: "custom", path: ["trackingNumber"], message });
  });

export const cancelIntent = z.object({
  intent: z.literal("cancel"),
  from: status,
  reason: z
    .string({ message: "inbox.errors.reasonRequired" })
    .trim()
    .min(1, "inbox.errors.reasonRequired")
    .max(CANCEL_REASON_MAX, "inbox.errors.reasonTooLong"),
});

/** Money the group sent back to the buyer itself (PromptPay, cash), or asks the provider to send back. */
export const refundIntent = z.object({
  intent: z.literal("refund"),
  amount: z
    .string({ message: "pay.refund.amountRequired" })
    .max(20, "pay.refund.amountFormat")
    .transform((typed, context) => {
      const satang = bahtToSatang(typed);
      if (satang === null || satang <= 0) {
        context.addIssue({ code: "custom", message: typed.trim() === "" ? "pay.refund.amountRequired" : "pay.refund.amountFormat" });
        return z.NEVER;
      }
      return satang;
    }),
  reason: z.string({ message: "inbox.errors.reasonRequired" }).trim().min(1, "inbox.errors.reasonRequired").max(300, "inbox.errors.reasonTooLong"),
});

export const groupOrderIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), from: status, to: status }),
  shipIntent,
  cancelIntent,
  z.object({ intent: z.literal("confirm-payment") }),
  refundIntent,
]);

/** The fields a person fills in; an error on any other (a hidden field, the intent) means a forged or stale form. */
export const VISIBLE_FIELDS = ["carrier", "trackingNumber", "reason", "amount"];

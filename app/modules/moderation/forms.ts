/**
 * The moderation page's forms, one zod schema per intent, shared by the browser and the action.
 * A reason is required to hide or suspend: the group reads it, so it must say what to fix.
 */
import { z } from "zod";

const id = z.string({ message: "errors.required" }).min(1).max(40);
const reason = z
  .string({ message: "console.moderation.reasonRequired" })
  .trim()
  .min(5, "console.moderation.reasonRequired")
  .max(500, "console.moderation.reasonTooLong");

export const moderationIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("hide-product"), productId: id, reason }),
  z.object({ intent: z.literal("reinstate-product"), productId: id }),
  z.object({ intent: z.literal("suspend-group"), groupId: id, reason }),
  z.object({ intent: z.literal("reinstate-group"), groupId: id }),
]);

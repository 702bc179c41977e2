/**
 * The staff console's collection forms, one zod schema per intent, shared by the browser (conform
 * checks before posting) and the actions. Messages are dictionary keys. Times are typed in Bangkok
 * time and become instants here, so the actions receive dates.
 */
import { z } from "zod";
import { fromBangkokLocal } from "./schedule";

const id = z.string({ message: "errors.required" }).min(1).max(40);
const title = z.string({ message: "console.collections.titleRequired" }).trim().min(1, "console.collections.titleRequired").max(120, "console.collections.titleTooLong");
const description = z
  .string()
  .trim()
  .max(1000, "console.collections.descriptionTooLong")
  .optional()
  .transform((value) => value || null);
const offset = z.enum(["-1", "1"], { message: "errors.required" }).transform((value) => (value === "1" ? 1 : -1) as -1 | 1);
/** Every id in the new order; the module checks they are exactly the list's. */
const order = z.array(id, { message: "console.collections.errors.orderMismatch" }).min(1, "console.collections.errors.orderMismatch").max(500);
const time = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const date = fromBangkokLocal(value);
    if (!date) context.addIssue({ code: "custom", message: "console.collections.timeInvalid" });
    return date;
  });

export const collectionText = { titleTh: title, titleEn: title, descriptionTh: description, descriptionEn: description };

export const collectionListIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), ...collectionText }),
  z.object({ intent: z.literal("move-collection"), collectionId: id, offset }),
  z.object({ intent: z.literal("reorder-collections"), order }),
]);

export const collectionIntents = z.discriminatedUnion("intent", [
  z
    .object({ intent: z.literal("update"), ...collectionText, startsAt: time, endsAt: time })
    .refine((value) => !value.startsAt || !value.endsAt || value.endsAt > value.startsAt, {
      message: "console.collections.errors.scheduleOrder",
      path: ["endsAt"],
    }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("unpublish") }),
  z.object({ intent: z.literal("add-product"), productId: id }),
  z.object({ intent: z.literal("remove-product"), productId: id }),
  z.object({ intent: z.literal("move-product"), productId: id, offset }),
  z.object({ intent: z.literal("reorder-products"), order }),
]);

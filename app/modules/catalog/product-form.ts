/**
 * The product editor's form, shared by the browser (conform checks before posting) and the
 * server (the same schema parses the post): Thai and English texts (English optional), price
 * and cost typed in baht and kept in satang, stock or made-to-order terms, certifications.
 * Messages are dictionary keys under `productEditor.errors`.
 */
import { z } from "zod";
import { CAPACITY_MAX, LEAD_TIME_MAX_DAYS, PRICE_MAX_SATANG, STOCK_MAX, WEIGHT_MAX_GRAMS } from "./limits";

const thaiDigits = "๐๑๒๓๔๕๖๗๘๙";

/**
 * Baht as people type it ("1,250", "1250.5", "๑๒๕๐", "฿ 99") in whole satang; null when it is not
 * an amount. Never through a float: the baht and satang parts are read as integers.
 */
export function bahtToSatang(value: string): number | null {
  const cleaned = value
    .replace(/[๐-๙]/g, (digit) => String(thaiDigits.indexOf(digit)))
    .replace(/[\s,฿]|บาท/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** Satang as the baht a person would type back in: 125050 → "1250.50", 9900 → "99". */
export function satangToBahtInput(satang: number): string {
  const baht = Math.floor(satang / 100);
  const rest = satang % 100;
  return rest === 0 ? String(baht) : `${baht}.${String(rest).padStart(2, "0")}`;
}

const text = (max: number) => z.string({ message: "productEditor.errors.required" }).trim().max(max, "productEditor.errors.tooLong");

const money = (message: string, { allowZero }: { allowZero: boolean }) =>
  z.string({ message }).transform((value, context) => {
    const satang = bahtToSatang(value);
    if (satang === null || satang > PRICE_MAX_SATANG || (!allowZero && satang === 0)) {
      context.addIssue({ code: "custom", message });
      return 0;
    }
    return satang;
  });

const count = (message: string, min: number, max: number) => z.number({ message }).int(message).min(min, message).max(max, message);

export const productFields = {
  titleTh: text(200).min(1, "productEditor.errors.required"),
  titleEn: text(200).optional(),
  storyTh: text(5000).min(1, "productEditor.errors.required"),
  storyEn: text(5000).optional(),
  category: z.string({ message: "productEditor.errors.category" }).max(80),
  price: money("productEditor.errors.price", { allowZero: false }),
  unitTh: text(40).min(1, "productEditor.errors.required"),
  unitEn: text(40).optional(),
  weightGrams: count("productEditor.errors.weight", 1, WEIGHT_MAX_GRAMS),
  stock: count("productEditor.errors.stock", 0, STOCK_MAX),
  madeToOrder: z.boolean().optional(),
  leadTimeDays: count("productEditor.errors.leadTime", 1, LEAD_TIME_MAX_DAYS).optional(),
  capacityPerWeek: count("productEditor.errors.capacity", 1, CAPACITY_MAX).optional(),
  unitCost: money("productEditor.errors.cost", { allowZero: true }).optional(),
  certifications: z.array(z.string().max(80)).max(20).optional(),
};

/** Made-to-order work needs its lead time and weekly capacity. */
export function checkMadeToOrder(value: { madeToOrder?: boolean; leadTimeDays?: number; capacityPerWeek?: number }, context: z.RefinementCtx) {
  if (!value.madeToOrder) return;
  if (value.leadTimeDays === undefined) context.addIssue({ code: "custom", path: ["leadTimeDays"], message: "productEditor.errors.leadTime" });
  if (value.capacityPerWeek === undefined) context.addIssue({ code: "custom", path: ["capacityPerWeek"], message: "productEditor.errors.capacity" });
}

export const productSchema = z.object(productFields).superRefine(checkMadeToOrder);
export type ProductForm = z.output<typeof productSchema>;

/** The editor's "save" intent: the product's fields, posted by its save button. */
export const saveProductSchema = z.object({ intent: z.literal("save-product"), ...productFields }).superRefine(checkMadeToOrder);

/**
 * The product editor's "work it out" button without JavaScript: the cost helper's figures for
 * what was typed, nothing saved, and the typed values sent back so the form keeps them.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { z } from "zod";
import { bahtToSatang } from "~/modules/catalog/product-form";

export function costCalculation(form: FormData) {
  const submission = parseWithZod(form, { schema: z.looseObject({}) });
  const price = bahtToSatang(String(form.get("price") ?? ""));
  const costText = String(form.get("unitCost") ?? "");
  return data({ formId: "product", result: submission.reply(), calculated: { priceSatang: price, costSatang: costText ? bahtToSatang(costText) : null } });
}

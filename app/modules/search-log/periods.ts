/** The periods the staff's search report offers (no server code: the page's period picker lists them). */
import { z } from "zod";

export const REPORT_PERIODS = [7, 30, 90] as const;

/** A period from the URL; anything else is the default 30 days. */
export const reportPeriodSchema = z.coerce
  .number()
  .refine((days): days is (typeof REPORT_PERIODS)[number] => (REPORT_PERIODS as readonly number[]).includes(days))
  .catch(30);

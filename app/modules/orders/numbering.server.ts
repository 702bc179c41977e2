/**
 * Order codes buyers and groups read out on the phone: "SM-2570-000123", the Buddhist-era year
 * in Thailand and a running number within it. The number is taken in a statement of its own
 * before the placing transaction starts, so no checkout waits for the counter's row while it holds
 * other locks; a checkout refused afterwards leaves a gap, which is harmless.
 */
import type { Client } from "~/db/transaction.server";
import { bangkokDay } from "~/modules/catalog/production-weeks";

export function buddhistYear(now: Date): number {
  return bangkokDay(now).getUTCFullYear() + 543;
}

export function formatOrderNumber(year: number, running: number): string {
  return `SM-${year}-${String(running).padStart(6, "0")}`;
}

export const ORDER_NUMBER_PATTERN = /^SM-\d{4}-\d{6,}$/;

export async function nextOrderNumber(tx: Client, now = new Date()): Promise<string> {
  const year = buddhistYear(now);
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "OrderNumberCounter" (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = "OrderNumberCounter".last + 1
    RETURNING last`;
  return formatOrderNumber(year, row.last);
}

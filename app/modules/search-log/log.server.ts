/**
 * What buyers look for: owns SearchLog. The search page records each search it answers (first page
 * only, never for bots, never a query with no word in it) with nothing that points at a person: the
 * words, the page's language, how many products were found, the one category and province it was
 * narrowed to, and the day in Thailand. The first product opened from its results is added when
 * the buyer opens it. Rows older than the retention limit are deleted by `forgetOldSearches`, which
 * the store runs every hour. Reports: ./report.server.ts.
 */
import { randomUUID } from "node:crypto";
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import { addDays, bangkokDay } from "~/modules/catalog/production-weeks";

export type SearchLogEntry = {
  q: string;
  lang: "th" | "en";
  resultCount: number;
  categorySlug?: string;
  provinceSlug?: string;
};

/** What the log keeps of a query: lower case, one space between words, at most 200 characters. */
export function loggedQuery(q: string): string {
  return q.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim().slice(0, 200);
}

/**
 * Records one search and returns its id (for the links that note which product was opened), or
 * null when there is nothing worth keeping. The id is random, so it tells nothing about who searched.
 */
export async function recordSearch(entry: SearchLogEntry, now = new Date(), client: Client = db()): Promise<string | null> {
  const query = loggedQuery(entry.q);
  if (!query) return null;
  const id = randomUUID();
  await client.searchLog.create({
    data: {
      id,
      day: bangkokDay(now),
      query,
      lang: entry.lang,
      resultCount: Math.max(0, Math.trunc(entry.resultCount)),
      categorySlug: entry.categorySlug ?? null,
      provinceSlug: entry.provinceSlug ?? null,
    },
  });
  return id;
}

/** Notes the first product opened from a search's results; later ones and unknown ids change nothing. */
export async function recordOpened(input: { logId: string; productSlug: string }, client: Client = db()): Promise<boolean> {
  const { count } = await client.searchLog.updateMany({ where: { id: input.logId, openedSlug: null }, data: { openedSlug: input.productSlug } });
  return count === 1;
}

/** Deletes searches older than `retentionDays` days (counted in Thai calendar days); returns how many. */
export async function forgetOldSearches(retentionDays: number, now = new Date(), client: Client = db()): Promise<number> {
  const { count } = await client.searchLog.deleteMany({ where: { day: { lt: addDays(bangkokDay(now), -retentionDays) } } });
  return count;
}

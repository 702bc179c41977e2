/**
 * Reading the search log (./log.server.ts) back as what buyers want: for staff, the most frequent
 * searches and those that found nothing or little; for a group, the searches that found nothing
 * in its categories or its province, a hint of what to make next. Counts only, by query, over the
 * last few days; nothing here can be traced to a buyer.
 */
import { db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { addDays, bangkokDay } from "~/modules/catalog/production-weeks";

/** A search that found at most this many products found "little": a buyer rarely finds their thing among three. */
export const POOR_RESULTS = 3;

export type TopSearch = { query: string; searches: number; opened: number };
export type UnmetSearch = { query: string; searches: number; nothing: number };

function since(days: number, now: Date): Prisma.SearchLogWhereInput {
  return { day: { gte: addDays(bangkokDay(now), -(days - 1)) } };
}

/** Searches grouped by query, most frequent first (ties by query, so the order is stable). */
async function byQuery(where: Prisma.SearchLogWhereInput, limit: number) {
  const rows = await db().searchLog.groupBy({
    by: ["query"],
    where,
    _count: { _all: true, openedSlug: true },
    orderBy: [{ _count: { query: "desc" } }, { query: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ query: row.query, searches: row._count._all, opened: row._count.openedSlug }));
}

/** How often each of `queries` found nothing at all. */
async function nothingCounts(where: Prisma.SearchLogWhereInput, queries: string[]): Promise<Map<string, number>> {
  if (queries.length === 0) return new Map();
  const rows = await db().searchLog.groupBy({ by: ["query"], where: { AND: [where, { resultCount: 0, query: { in: queries } }] }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.query, row._count._all]));
}

/** The staff's view: totals, the top searches, and the top searches that found nothing or little. */
export async function searchDemand(options: { days: number; limit?: number; now?: Date }) {
  const { days, limit = 10, now = new Date() } = options;
  const period = since(days, now);
  const [searches, nothing, poor, top, unmetRows] = await Promise.all([
    db().searchLog.count({ where: period }),
    db().searchLog.count({ where: { AND: [period, { resultCount: 0 }] } }),
    db().searchLog.count({ where: { AND: [period, { resultCount: { gt: 0, lte: POOR_RESULTS } }] } }),
    byQuery(period, limit),
    byQuery({ AND: [period, { resultCount: { lte: POOR_RESULTS } }] }, limit),
  ]);
  const nothingByQuery = await nothingCounts(period, unmetRows.map((row) => row.query));
  const unmet: UnmetSearch[] = unmetRows.map((row) => ({ query: row.query, searches: row.searches, nothing: nothingByQuery.get(row.query) ?? 0 }));
  return { days, searches, nothing, poor, top: top satisfies TopSearch[], unmet };
}

/**
 * A group's hint: searches of the last `days` days that found nothing and were narrowed to one of
 * the categories it sells in, or made from (or narrowed to) its province.
 */
export async function unmetSearchesForGroup(groupId: string, options: { days: number; limit?: number; now?: Date }) {
  const { days, limit = 10, now = new Date() } = options;
  const [group, categories] = await Promise.all([
    db().occupationGroup.findUniqueOrThrow({ where: { id: groupId }, select: { province: { select: { slug: true, nameTh: true, nameEn: true } } } }),
    db().category.findMany({
      where: { products: { some: { groupId, status: { not: "ARCHIVED" } } } },
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { slug: true, nameTh: true, nameEn: true },
    }),
  ]);
  const where: Prisma.SearchLogWhereInput = {
    AND: [since(days, now), { resultCount: 0 }, { OR: [{ categorySlug: { in: categories.map((c) => c.slug) } }, { provinceSlug: group.province.slug }] }],
  };
  const rows = await byQuery(where, limit);
  const unmet: UnmetSearch[] = rows.map((row) => ({ query: row.query, searches: row.searches, nothing: row.searches }));
  return { days, province: group.province, categories, unmet };
}

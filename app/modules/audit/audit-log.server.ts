/**
 * Reading the audit log, for staff: newest first, filtered by group, actor, action and a range
 * of days (Bangkok time), paged by keyset on (createdAt, id) so the thousandth page costs what
 * the first does. Cursors are opaque strings made here.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import type { Prisma } from "~/generated/prisma/client";

export type AuditFilters = {
  groupId?: string | null;
  actorId?: string | null;
  action?: string | null;
  /** Inclusive Bangkok calendar days, "2026-12-01". */
  fromDay?: string | null;
  toDay?: string | null;
};

type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

/** A cursor made by encodeCursor, or null for anything else (which then reads the first page). */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  const [iso, id, extra] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (extra !== undefined || !id || !/^[a-z0-9]{1,40}$/i.test(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

/** The UTC instant a Bangkok calendar day ("2026-12-01") begins; null when it is not a real day. */
export function bangkokDayStart(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number);
  const utc = new Date(Date.UTC(year, month - 1, date));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return null;
  return new Date(utc.getTime() - 7 * 3_600_000);
}

function where(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const from = filters.fromDay ? bangkokDayStart(filters.fromDay) : null;
  const toStart = filters.toDay ? bangkokDayStart(filters.toDay) : null;
  const to = toStart ? new Date(toStart.getTime() + 86_400_000) : null;
  return {
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

/**
 * One page of records. `after` reads older records than its cursor, `before` newer ones; the
 * answer carries the cursors for the next and previous pages (null at either end).
 */
export async function auditLogPage(
  { filters, after, before, limit = 30 }: { filters: AuditFilters; after?: string | null; before?: string | null; limit?: number },
  client: Client = db(),
) {
  const olderThan = decodeCursor(after);
  const newerThan = olderThan ? null : decodeCursor(before);
  const keyset: Prisma.AuditLogWhereInput[] = [];
  if (olderThan) keyset.push({ OR: [{ createdAt: { lt: olderThan.createdAt } }, { createdAt: olderThan.createdAt, id: { lt: olderThan.id } }] });
  if (newerThan) keyset.push({ OR: [{ createdAt: { gt: newerThan.createdAt } }, { createdAt: newerThan.createdAt, id: { gt: newerThan.id } }] });
  const direction = newerThan ? "asc" : "desc";
  const rows = await client.auditLog.findMany({
    where: { AND: [where(filters), ...keyset] },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      subjectType: true,
      subjectId: true,
      groupId: true,
      details: true,
      actor: { select: { name: true, email: true, role: true } },
    },
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (newerThan) page.reverse();
  const groups = await client.occupationGroup.findMany({
    where: { id: { in: [...new Set(page.flatMap((row) => (row.groupId ? [row.groupId] : [])))] } },
    select: { id: true, slug: true, nameTh: true, nameEn: true },
  });
  const groupById = new Map(groups.map((group) => [group.id, group]));
  const first = page[0];
  const last = page[page.length - 1];
  return {
    entries: page.map(({ groupId, ...row }) => ({ ...row, group: groupId ? (groupById.get(groupId) ?? null) : null })),
    // Going back from a page reached by `after` always finds newer rows; going forward from one reached by `before` always finds older ones.
    older: last && (newerThan || more) ? encodeCursor(last) : null,
    newer: first && (olderThan || (newerThan && more)) ? encodeCursor(first) : null,
  };
}

/** What the filter form offers: every group, and every action written so far. */
export async function auditFilterOptions(client: Client = db()) {
  const [groups, actions] = await Promise.all([
    client.occupationGroup.findMany({ orderBy: { nameTh: "asc" }, select: { slug: true, nameTh: true, nameEn: true } }),
    // A loose index scan: one index probe per distinct action, instead of reading every record.
    client.$queryRaw<{ action: string }[]>`
      WITH RECURSIVE actions AS (
        SELECT min(action) AS action FROM "AuditLog"
        UNION ALL
        SELECT (SELECT min(action) FROM "AuditLog" WHERE action > actions.action) FROM actions WHERE actions.action IS NOT NULL
      )
      SELECT action FROM actions WHERE action IS NOT NULL`,
  ]);
  return { groups, actions: actions.map((row) => row.action) };
}

/** Turns the filter form's slug and email into ids; an unknown one matches nothing rather than everything. */
export async function resolveAuditFilters(
  input: { group?: string | null; actor?: string | null; action?: string | null; from?: string | null; to?: string | null },
  client: Client = db(),
): Promise<AuditFilters> {
  const [group, actor] = await Promise.all([
    input.group ? client.occupationGroup.findUnique({ where: { slug: input.group }, select: { id: true } }) : null,
    input.actor ? client.user.findUnique({ where: { email: input.actor.trim().toLowerCase() }, select: { id: true } }) : null,
  ]);
  const nothing = "-";
  return {
    groupId: input.group ? (group?.id ?? nothing) : null,
    actorId: input.actor ? (actor?.id ?? nothing) : null,
    action: input.action || null,
    fromDay: input.from || null,
    toDay: input.to || null,
  };
}

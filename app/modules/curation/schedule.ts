/**
 * When a collection is on the home page: published, and now inside its schedule (a missing start
 * or end is no bound). The one home of that rule: the home page's query (`liveCollections`) and
 * the staff console's status label (`collectionState`) both come from here. Staff type times in
 * Bangkok time (`datetime-local` fields); Thailand keeps UTC+7 all year, so the conversion is a
 * fixed offset.
 */
import type { Prisma } from "~/generated/prisma/client";

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-01T09:30" read as Bangkok time; null when it is not such a value or not a real date. */
export function fromBangkokLocal(value: string): Date | null {
  const match = LOCAL_TIME.exec(value.slice(0, 16));
  if (!match || value.length > 19) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(utc - BANGKOK_OFFSET_MS);
}

/** The value a `datetime-local` field shows for `date`, in Bangkok time. */
export function toBangkokLocal(date: Date): string {
  return new Date(date.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 16);
}

export type Schedule = { published: boolean; startsAt: Date | null; endsAt: Date | null };

/** draft: not published; scheduled: published, starts later; live: on the home page; ended: past its end. */
export type CollectionState = "draft" | "scheduled" | "live" | "ended";

export function collectionState(collection: Schedule, now: Date): CollectionState {
  if (!collection.published) return "draft";
  if (collection.startsAt && collection.startsAt > now) return "scheduled";
  if (collection.endsAt && collection.endsAt <= now) return "ended";
  return "live";
}

/** The query form of `collectionState(…) === "live"`. */
export function liveCollections(now: Date) {
  return {
    published: true,
    AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
  } satisfies Prisma.CollectionWhereInput;
}

/**
 * Production weeks for made-to-order work, as pure functions. A group can make
 * `capacityPerWeek` units of a product each week; an order's units are booked into the
 * earliest weeks that still have room, starting with the week in which the lead time from today
 * ends (a brocade piece takes a month on the loom, so nothing can be ready sooner). The promise
 * is the last day (Sunday) of the last week booked. Weeks run Monday to Sunday in Thai time.
 */

const DAY_MS = 86_400_000;
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Thailand at `instant`, as a UTC midnight Date (what a @db.Date column holds). */
export function bangkokDay(instant: Date): Date {
  const local = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The Monday of the week holding `day` (a UTC-midnight calendar date). */
export function mondayOf(day: Date): Date {
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

export const weekKey = (monday: Date) => monday.toISOString().slice(0, 10);

/** The first week made-to-order units may be finished in: the week in which the lead time from today ends. */
export function earliestWeek(now: Date, leadTimeDays: number): Date {
  return mondayOf(addDays(bangkokDay(now), Math.max(0, leadTimeDays)));
}

/** How far ahead a group's calendar can be booked; a basket needing more is refused as beyond capacity. */
export const BOOKING_HORIZON_WEEKS = 26;

export interface WeekBooking {
  weekStart: Date;
  quantity: number;
}

/**
 * Books `quantity` units into weeks from `firstWeek`, each week up to `capacityPerWeek` minus what
 * `booked` already holds there (keyed by weekKey). Returns the bookings and the promise, or null
 * when the horizon has too little room.
 */
export function bookWeeks(input: {
  quantity: number;
  capacityPerWeek: number;
  firstWeek: Date;
  booked: ReadonlyMap<string, number>;
  horizonWeeks?: number;
}): { bookings: WeekBooking[]; promisedBy: Date } | null {
  const horizon = input.horizonWeeks ?? BOOKING_HORIZON_WEEKS;
  let left = input.quantity;
  const bookings: WeekBooking[] = [];
  for (let week = 0; week < horizon && left > 0; week++) {
    const weekStart = addDays(input.firstWeek, week * 7);
    const room = input.capacityPerWeek - (input.booked.get(weekKey(weekStart)) ?? 0);
    if (room <= 0) continue;
    const take = Math.min(room, left);
    bookings.push({ weekStart, quantity: take });
    left -= take;
  }
  if (left > 0 || bookings.length === 0) return null;
  return { bookings, promisedBy: addDays(bookings[bookings.length - 1].weekStart, 6) };
}

/** Units still free to book within the horizon. */
export function freeUnits(input: { capacityPerWeek: number; firstWeek: Date; booked: ReadonlyMap<string, number>; horizonWeeks?: number }): number {
  let free = 0;
  for (let week = 0; week < (input.horizonWeeks ?? BOOKING_HORIZON_WEEKS); week++) {
    const weekStart = addDays(input.firstWeek, week * 7);
    free += Math.max(0, input.capacityPerWeek - (input.booked.get(weekKey(weekStart)) ?? 0));
  }
  return free;
}

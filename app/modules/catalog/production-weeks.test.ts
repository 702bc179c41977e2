import { describe, expect, it } from "vitest";
import { bangkokDay, bookWeeks, earliestWeek, freeUnits, mondayOf, weekKey } from "./production-weeks";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("weeks in Thai time", () => {
  it("takes the calendar date in Bangkok, not UTC", () => {
    // 2026-12-31 20:00 UTC is already 1 January 2027 in Bangkok.
    expect(weekKey(bangkokDay(new Date("2026-12-31T20:00:00Z")))).toBe("2027-01-01");
    expect(weekKey(bangkokDay(new Date("2026-12-31T16:59:00Z")))).toBe("2026-12-31");
  });

  it("starts weeks on Monday", () => {
    expect(weekKey(mondayOf(day("2027-01-03")))).toBe("2026-12-28"); // a Sunday
    expect(weekKey(mondayOf(day("2027-01-04")))).toBe("2027-01-04"); // a Monday
  });

  it("begins booking in the week the lead time ends", () => {
    // Wednesday 2 Dec 2026 + 21 days = Wednesday 23 Dec → week of Monday 21 Dec.
    expect(weekKey(earliestWeek(new Date("2026-12-02T03:00:00Z"), 21))).toBe("2026-12-21");
  });
});

describe("bookWeeks", () => {
  const firstWeek = day("2026-12-21");

  it("fills the earliest weeks with room and promises the Sunday of the last", () => {
    const booked = new Map([["2026-12-21", 2]]);
    const result = bookWeeks({ quantity: 4, capacityPerWeek: 3, firstWeek, booked });
    expect(result?.bookings.map((b) => [weekKey(b.weekStart), b.quantity])).toEqual([
      ["2026-12-21", 1],
      ["2026-12-28", 3],
    ]);
    expect(weekKey(result!.promisedBy)).toBe("2027-01-03");
  });

  it("skips full weeks: when a week is full the next free one is promised", () => {
    const booked = new Map([["2026-12-21", 3], ["2026-12-28", 3]]);
    const result = bookWeeks({ quantity: 1, capacityPerWeek: 3, firstWeek, booked });
    expect(result?.bookings.map((b) => weekKey(b.weekStart))).toEqual(["2027-01-04"]);
    expect(weekKey(result!.promisedBy)).toBe("2027-01-10");
  });

  it("refuses what the horizon cannot hold, and counts what it can", () => {
    expect(bookWeeks({ quantity: 7, capacityPerWeek: 3, firstWeek, booked: new Map(), horizonWeeks: 2 })).toBeNull();
    expect(freeUnits({ capacityPerWeek: 3, firstWeek, booked: new Map([["2026-12-28", 1]]), horizonWeeks: 2 })).toBe(5);
  });
});

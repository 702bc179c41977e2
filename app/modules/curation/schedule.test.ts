import { describe, expect, it } from "vitest";
import { collectionState, fromBangkokLocal, toBangkokLocal } from "./schedule";

describe("Bangkok local times", () => {
  it("reads a datetime-local value as UTC+7 and writes it back", () => {
    const date = fromBangkokLocal("2026-12-01T09:30");
    expect(date?.toISOString()).toBe("2026-12-01T02:30:00.000Z");
    expect(toBangkokLocal(date!)).toBe("2026-12-01T09:30");
    // Just after midnight in Bangkok is the previous day in UTC.
    expect(fromBangkokLocal("2027-01-01T00:15")?.toISOString()).toBe("2026-12-31T17:15:00.000Z");
    // Browsers may add seconds.
    expect(fromBangkokLocal("2026-12-01T09:30:00")?.toISOString()).toBe("2026-12-01T02:30:00.000Z");
  });

  it("refuses values that are not a real date and time", () => {
    for (const value of ["", "2026-02-31T10:00", "2026-12-01T24:00", "2026-12-01", "tomorrow", "2026-12-01T09:30Z+99:00"]) {
      expect(fromBangkokLocal(value), value).toBeNull();
    }
  });
});

describe("collectionState", () => {
  const now = new Date("2026-12-01T05:00:00Z");
  const hour = 3_600_000;
  const at = (offset: number) => new Date(now.getTime() + offset);

  it("is live when published and now is inside the schedule; the start is included and the end is not", () => {
    expect(collectionState({ published: true, startsAt: null, endsAt: null }, now)).toBe("live");
    expect(collectionState({ published: true, startsAt: now, endsAt: at(hour) }, now)).toBe("live");
    expect(collectionState({ published: true, startsAt: at(-hour), endsAt: now }, now)).toBe("ended");
  });

  it("is scheduled before its start, ended after its end, and draft until published", () => {
    expect(collectionState({ published: true, startsAt: at(hour), endsAt: null }, now)).toBe("scheduled");
    expect(collectionState({ published: true, startsAt: null, endsAt: at(-hour) }, now)).toBe("ended");
    expect(collectionState({ published: false, startsAt: null, endsAt: null }, now)).toBe("draft");
  });
});

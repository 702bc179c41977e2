import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RETRY_DELAY_MS, nextAttemptAt, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles from a minute after each try", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
  });
  it("never waits less than a minute nor more than six hours, and never shortens", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), (attempts) => {
        const delay = retryDelayMs(attempts);
        expect(delay).toBeGreaterThanOrEqual(60_000);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
        expect(retryDelayMs(attempts + 1)).toBeGreaterThanOrEqual(delay);
      }),
    );
    expect(nextAttemptAt(new Date("2026-11-28T00:00:00Z"), 100).toISOString()).toBe("2026-11-28T06:00:00.000Z");
  });
});

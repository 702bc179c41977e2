import { describe, expect, it } from "vitest";
import { accountWait, ceilingWait } from "./throttle";

const limit = { maxAttempts: 5, windowMinutes: 15, maxPerAddress: 100 };

describe("accountWait", () => {
  it("lets the first failures in the window pass without delay", () => {
    expect(accountWait([], limit)).toBe(0);
    expect(accountWait([1, 2, 3, 4], limit)).toBe(0);
  });

  it("then asks for 30 s after the last failure, doubling with each further one", () => {
    expect(accountWait([0, 10, 20, 30, 40], limit)).toBe(30);
    expect(accountWait([12, 20, 30, 40, 50], limit)).toBe(18);
    expect(accountWait([31, 40, 50, 60, 70], limit)).toBe(0);
    expect(accountWait([0, 1, 2, 3, 4, 5], limit)).toBe(60);
    expect(accountWait([0, 1, 2, 3, 4, 5, 6], limit)).toBe(120);
  });

  it("never asks for more than the window", () => {
    const ages = Array.from({ length: 40 }, (_, i) => i);
    expect(accountWait(ages, limit)).toBe(15 * 60);
  });
});

describe("ceilingWait", () => {
  it("is nothing below the ceiling", () => {
    expect(ceilingWait([1, 2], 3, 3600)).toBe(0);
  });

  it("lasts until the oldest counted attempt leaves the window", () => {
    expect(ceilingWait([1, 2, 600], 3, 3600)).toBe(3000);
    expect(ceilingWait([1, 2, 3600], 3, 3600)).toBe(0);
  });
});

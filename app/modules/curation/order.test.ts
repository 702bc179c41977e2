import { describe, expect, it } from "vitest";
import { isReorderOf, moveBy } from "./order";

describe("isReorderOf", () => {
  it("accepts the same ids in another order", () => {
    expect(isReorderOf(["a", "b", "c"], ["c", "a", "b"])).toBe(true);
    expect(isReorderOf([], [])).toBe(true);
  });

  it("refuses an id from outside, a missing id, or one named twice", () => {
    expect(isReorderOf(["a", "b"], ["a", "x"])).toBe(false);
    expect(isReorderOf(["a", "b", "c"], ["a", "b"])).toBe(false);
    expect(isReorderOf(["a", "b"], ["a", "b", "x"])).toBe(false);
    expect(isReorderOf(["a", "b"], ["a", "a"])).toBe(false);
  });
});

describe("moveBy", () => {
  it("moves an id up or down and stops at the ends", () => {
    expect(moveBy(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moveBy(["a", "b", "c"], "b", 1)).toEqual(["a", "c", "b"]);
    expect(moveBy(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
    expect(moveBy(["a", "b", "c"], "c", 5)).toEqual(["a", "b", "c"]);
  });

  it("answers null for an id not in the list", () => {
    expect(moveBy(["a"], "x", 1)).toBeNull();
  });
});

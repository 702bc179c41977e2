import { describe, expect, it } from "vitest";
import { firstInOrder } from "./order.ts";

describe("firstInOrder", () => {
  it("returns the same items as a full sort, for any size and count", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const compare = (a: { key: number; id: number }, b: { key: number; id: number }) => a.key - b.key || a.id - b.id;
    for (let trial = 0; trial < 300; trial++) {
      const items = Array.from({ length: Math.floor(random() * 400) }, (_, id) => ({ key: Math.floor(random() * 30), id }));
      const count = Math.floor(random() * 60);
      expect(firstInOrder(items, count, compare)).toEqual([...items].sort(compare).slice(0, count));
    }
  });

  it("leaves its input untouched", () => {
    const items = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 11, 10];
    firstInOrder(items, 2, (a, b) => a - b);
    expect(items).toEqual([5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 11, 10]);
  });
});

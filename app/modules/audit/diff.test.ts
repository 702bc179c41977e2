import { describe, expect, it } from "vitest";
import { auditChanges } from "./diff";

describe("auditChanges", () => {
  it("lists only the fields that changed, with lists shown in order", () => {
    expect(
      auditChanges({
        before: { stock: 3, title: "เสื่อ", products: ["a", "b"] },
        after: { stock: 17, title: "เสื่อ", products: ["b", "a"] },
      }).changes,
    ).toEqual([
      { field: "stock", before: "3", after: "17" },
      { field: "products", before: "a, b", after: "b, a" },
    ]);
  });

  it("shows a field that appears or disappears against nothing", () => {
    expect(auditChanges({ before: { hidden: false }, after: { hidden: true, hiddenReason: "ภาพไม่ตรงสินค้า" } }).changes).toEqual([
      { field: "hidden", before: "false", after: "true" },
      { field: "hiddenReason", before: null, after: "ภาพไม่ตรงสินค้า" },
    ]);
  });

  it("keeps other details apart, and copes with records without details", () => {
    expect(auditChanges({ imageKey: "products/x" })).toEqual({ changes: [], other: [{ field: "imageKey", before: null, after: "products/x" }] });
    expect(auditChanges(null)).toEqual({ changes: [], other: [] });
    expect(auditChanges({ before: 1, after: 2 }).changes).toEqual([{ field: "value", before: "1", after: "2" }]);
  });
});

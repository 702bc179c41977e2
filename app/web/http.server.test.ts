import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server";

describe("safeRedirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/en/products/x")).toBe("/en/products/x");
  });
  it("refuses other sites and protocol-relative tricks", () => {
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null, "/en")).toBe("/en");
  });
});

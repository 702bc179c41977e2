import { describe, expect, it } from "vitest";
import { redirectTarget, safeRedirect } from "./http.server";

describe("safeRedirect", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirect("/en/products/x")).toBe("/en/products/x");
    expect(safeRedirect("/search?q=%E0%B8%9C%E0%B9%89%E0%B8%B2&page=2#results")).toBe("/search?q=%E0%B8%9C%E0%B9%89%E0%B8%B2&page=2#results");
    expect(safeRedirect("/groups/ban-thon-krajood/manage")).toBe("/groups/ban-thon-krajood/manage");
  });

  it("falls back when there is no target", () => {
    expect(safeRedirect(null, "/en")).toBe("/en");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect("")).toBe("/");
  });

  // Each of these, followed by a browser, leaves the site (or runs script).
  const attacks: [string, string][] = [
    ["absolute URL", "https://evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/path"],
    ["backslash read as slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["percent-encoded tab, stripped by browsers", "/%09/evil.example"],
    ["raw tab, stripped by browsers", "/\t/evil.example"],
    ["raw newline", "/\n/evil.example"],
    ["percent-encoded CR/LF (header splitting)", "/%0d%0aSet-Cookie:%20a=b"],
    ["raw CR/LF (header splitting)", "/\r\nSet-Cookie: a=b"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded slash after one", "/%2Fevil.example"],
    ["double-encoded slashes", "/%252F%252Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["relative path (resolves against the page)", "evil.example"],
    ["no-break space", "/\u00a0/evil.example"],
    ["NUL", "/\u0000evil"],
    ["malformed percent-encoding", "/%E0%A4%A"],
    ["space", "/ /evil.example"],
    ["overlong", `/${"a".repeat(3000)}`],
  ];
  it.each(attacks)("refuses %s", (_name, target) => {
    expect(redirectTarget(target)).toBeNull();
    expect(safeRedirect(target, "/home")).toBe("/home");
  });

  it("refuses values that are not text", () => {
    expect(redirectTarget(new File([], "x"))).toBeNull();
    expect(redirectTarget(["/"])).toBeNull();
  });
});

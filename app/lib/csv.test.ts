import { describe, expect, it } from "vitest";
import { bahtCell, csvCell, csvDocument } from "./csv";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvCell("plain ไทย")).toBe("plain ไทย");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
  });

  it("makes text that a spreadsheet would run as a formula plain text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`)).toMatch(/^"?'/);
    expect(csvCell("=HYPERLINK(\"http://x\",\"y\")")).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell("-5")).toBe("'-5");
  });

  it("writes our own numbers as numbers, negative ones too", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(bahtCell(-1250))).toBe("-12.50");
  });
});

describe("bahtCell", () => {
  it("turns satang into baht with two decimals and no grouping", () => {
    expect(bahtCell(125000)).toEqual({ csvNumber: "1250.00" });
    expect(bahtCell(5)).toEqual({ csvNumber: "0.05" });
    expect(bahtCell(0)).toEqual({ csvNumber: "0.00" });
  });
});

describe("csvDocument", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    const text = csvDocument(["a", "b"], [["1", 2], ["x,y", null]]);
    expect(text).toBe('\uFEFFa,b\r\n1,2\r\n"x,y",\r\n');
  });
});

import { describe, expect, it } from "vitest";
import { normalizeText, stemLatin, tokenize, tokenizeWithCompounds } from "./tokenizer.ts";

describe("tokenizer", () => {
  it("segments Thai written without spaces into words", () => {
    const words = tokenize("ผ้าไหมมัดหมี่ทอมือ");
    expect(words).toEqual(expect.arrayContaining(["ผ้า", "ไหม", "มัด", "หมี่"]));
  });

  it("adds adjacent-word compounds inside a run, never across a break", () => {
    const terms = tokenizeWithCompounds("ผ้าไหมมัดหมี่ | Old-recipe roasted chili paste, mild");
    expect(terms).toEqual(expect.arrayContaining(["ผ้าไหม", "มัดหมี่", "chili paste", "old recipe"]));
    expect(terms).not.toContain("paste mild");
    expect(terms.some((term) => term.includes("หมี่") && term.includes("old"))).toBe(false);
  });

  it("normalizes case, width, Latin accents and the two ways of typing sara am", () => {
    expect(normalizeText("ＣＡＦÉ")).toBe("cafe");
    expect(tokenize("น\u0E49\u0E4D\u0E32พริก")).toEqual(tokenize("น้ำพริก"));
    expect(tokenize("ลำไยอบแห้ง")).toContain("ลำไย");
    // Thai tone marks are meaning, not decoration.
    expect(tokenize("หมี่")).not.toEqual(tokenize("หมี"));
  });

  it("splits Latin on non-letters and folds plurals the same way on both sides", () => {
    expect(tokenize("Solar-dried BANANAS")).toEqual(["solar", "dried", "banana"]);
    expect(tokenize("Women's group")).toEqual(["women", "group"]);
    expect(stemLatin("berries")).toBe("berry");
    expect(stemLatin("glass")).toBe("glass");
  });

  it("drops punctuation and emoji and survives odd input", () => {
    expect(tokenize(`'"(){}<>% 🍚`)).toEqual([]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize("x".repeat(5000))).toHaveLength(1);
  });
});

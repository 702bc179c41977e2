/**
 * The parts of MiniSearch's SearchableMap the dictionary relies on (its documented public API),
 * pinned so an upgrade that changes them fails here rather than in search results; and the
 * dictionary's own promises.
 */
import SearchableMap from "minisearch/SearchableMap";
import { describe, expect, it } from "vitest";
import { thaiSoundKey } from "../thai-spelling.ts";
import { TermDictionary } from "./dictionary.ts";

describe("SearchableMap contract", () => {
  const map = new SearchableMap<true>();
  for (const term of ["coffee", "coffees", "cofe", "silk", "ไหม", "ไหมแท้"]) map.set(term, true);

  it("lists every key under a prefix, the prefix itself included", () => {
    expect([...map.atPrefix("cof").keys()].sort()).toEqual(["cofe", "coffee", "coffees"]);
    expect([...map.atPrefix("ไหม").keys()].sort()).toEqual(["ไหม", "ไหมแท้"]);
    expect([...map.atPrefix("x").keys()]).toEqual([]);
  });

  it("finds keys within an edit distance as [value, distance]", () => {
    const found = map.fuzzyGet("cofee", 1);
    expect(found.get("coffee")).toEqual([true, 1]);
    expect(found.get("cofe")).toEqual([true, 1]);
    expect(found.has("coffees")).toBe(false);
  });

  it("forgets deleted keys", () => {
    const copy = new SearchableMap<true>();
    copy.set("a", true);
    copy.delete("a");
    expect(copy.has("a")).toBe(false);
    expect([...copy.atPrefix("").keys()]).toEqual([]);
  });
});

describe("TermDictionary", () => {
  const frequency = new Map<string, number>([
    ["coffee", 10],
    ["cotton", 3],
    ["ไหม", 7],
    ["ใหม่", 2],
  ]);
  const dictionary = new TermDictionary({
    soundKeyOf: thaiSoundKey,
    frequencyOf: (term) => frequency.get(term) ?? 0,
    namedFrequencyOf: (term) => frequency.get(term) ?? 0,
  });
  for (const term of frequency.keys()) dictionary.addTerm(term);
  dictionary.addName("ไหม");
  dictionary.addName("ใหม่");

  it("knows its terms and their prefixes", () => {
    expect(dictionary.has("coffee")).toBe(true);
    expect(dictionary.hasPrefix("cof")).toBe(true);
    expect(dictionary.hasPrefix("zz")).toBe(false);
    expect(dictionary.extensions("co", 1)).toEqual([{ term: "coffee", frequency: 10 }]);
  });

  it("corrects a slip or a swap of neighbours, most common first", () => {
    expect(dictionary.closest("cofee", 1).map((c) => c.term)).toEqual(["coffee"]);
    expect(dictionary.closest("cofefe", 1).map((c) => c.term)).toEqual(["coffee"]);
  });

  it("finds Thai name words by sound, and forgets them when no product names them", () => {
    expect(dictionary.soundAlikes(thaiSoundKey("ใหม")).map((a) => a.term).sort()).toEqual(["ใหม่", "ไหม"]);
    dictionary.removeName("ใหม่");
    expect(dictionary.soundAlikes(thaiSoundKey("ใหม")).map((a) => a.term)).toEqual(["ไหม"]);
    dictionary.removeTerm("coffee");
    expect(dictionary.has("coffee")).toBe(false);
  });
});

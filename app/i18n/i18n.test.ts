/**
 * The store's own translator against i18next, which it replaced: every text of both dictionaries,
 * with and without values for its placeholders, comes out the same.
 */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { localeOf, pluralCategory, translate, translator, type Lang } from "./i18n";
import { th } from "./th";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

function i18nextT(lang: "th" | "en", dictionary: unknown) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: dictionary as Record<string, string> } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance.getFixedT(lang);
}

describe.each([
  ["th", th],
  ["en", en],
] as const)("the %s dictionary", (lang, dictionary) => {
  const reference = i18nextT(lang, dictionary);
  const texts = leaves(dictionary);

  it("translates every key as i18next did, with its placeholders filled, left empty or left out", () => {
    expect(texts.length).toBeGreaterThan(500);
    for (const [key, text] of texts) {
      const names = [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((match) => match[1]);
      const filled = Object.fromEntries(names.map((name, index) => [name, index % 2 === 0 ? `‹${name}›` : index]));
      const emptied = Object.fromEntries(names.map((name) => [name, null]));
      const partly = Object.fromEntries(names.slice(1).map((name) => [name, "$&"]));
      for (const values of [undefined, filled, emptied, partly]) expect(translate(dictionary, key, values, lang), key).toBe(reference(key, values as never));
    }
  });

  it("picks the plural form for a numeric count as i18next did (followers_one: 1 follower, 2 followers)", () => {
    const counted = texts.filter(([, text]) => text.includes("{{count}}")).map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, ""));
    expect(counted).toContain("follow.followers");
    for (const key of new Set(counted)) {
      for (const count of [0, 1, 2, 5, 21]) expect(translate(dictionary, key, { count }, lang), `${key} ${count}`).toBe(reference(key, { count }));
    }
  });

  it("has a singular form for every count of a noun (no \"1 members\")", () => {
    const keys = new Set(texts.map(([key]) => key));
    // "{{count}} members", "{{count}} products found", "The {{count}} most frequent searches",
    // "{{shown}} orders" (a count formatted for reading, passed beside the count).
    const countedNouns = texts.filter(([key, text]) => !key.endsWith("_one") && /\{\{(count|shown)\}\} (?:[a-z-]+ ){0,2}[a-z]+s\b/.test(text));
    if (lang === "en") expect(countedNouns.map(([key]) => key)).toContain("group.members");
    expect(countedNouns.filter(([key]) => !keys.has(`${key}_one`)).map(([key]) => key)).toEqual([]);
  });

  it("answers a missing key with its default value, else the key, as i18next did", () => {
    for (const key of ["no.such.key", "cart.noSuchText", "x"]) expect(translate(dictionary, key, undefined, lang)).toBe(reference(key));
    // The audit log names a field the dictionary does not know by its own name.
    for (const key of ["console.audit.fields.noSuchField", "no.such.key"]) {
      expect(translate(dictionary, key, { defaultValue: "priceSatang" }, lang)).toBe(reference(key, { defaultValue: "priceSatang" }));
    }
  });
});

describe("translator", () => {
  it("is one function per language", () => {
    expect(translator("th")).toBe(translator("th"));
    expect(translator("en")("cart.linkCount", { count: 2 })).toBe("Basket (2)");
    expect(translator("en")("follow.followers", { count: 1 })).toBe("1 follower");
    expect(translator("en")("follow.followers", { count: 2 })).toBe("2 followers");
  });
});

describe("pluralCategory", () => {
  it("is what Intl.PluralRules selects in each language", () => {
    for (const lang of ["th", "en"] as Lang[]) {
      const rules = new Intl.PluralRules(localeOf[lang]);
      for (const count of [0, 1, -1, 2, -2, 0.5, 1.5, 11, 21, 101, 1_000_001]) expect(pluralCategory(count, lang)).toBe(rules.select(count));
    }
  });
});

/**
 * The store's own translator against i18next, which it replaced: every text of both dictionaries,
 * with and without values for its placeholders, comes out the same.
 */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { translate, translator } from "./i18n";
import { th } from "./th";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

function i18nextT(dictionary: unknown) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: "xx",
    fallbackLng: false,
    resources: { xx: { translation: dictionary as Record<string, string> } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance.getFixedT("xx");
}

describe.each([
  ["th", th],
  ["en", en],
])("the %s dictionary", (_name, dictionary) => {
  const reference = i18nextT(dictionary);
  const texts = leaves(dictionary);

  it("translates every key as i18next did, with its placeholders filled, left empty or left out", () => {
    expect(texts.length).toBeGreaterThan(500);
    for (const [key, text] of texts) {
      const names = [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((match) => match[1]);
      const filled = Object.fromEntries(names.map((name, index) => [name, index % 2 === 0 ? `‹${name}›` : index]));
      const emptied = Object.fromEntries(names.map((name) => [name, null]));
      const partly = Object.fromEntries(names.slice(1).map((name) => [name, "$&"]));
      for (const values of [undefined, filled, emptied, partly]) expect(translate(dictionary, key, values), key).toBe(reference(key, values as never));
    }
  });

  it("answers a missing key with the key, as i18next did", () => {
    for (const key of ["no.such.key", "cart.noSuchText", "x"]) expect(translate(dictionary, key)).toBe(reference(key));
  });
});

describe("translator", () => {
  it("is one function per language", () => {
    expect(translator("th")).toBe(translator("th"));
    expect(translator("en")("cart.linkCount", { count: 2 })).toBe("Basket (2)");
  });
});

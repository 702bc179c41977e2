/**
 * Languages, their URL prefixes, and one translator per language.
 * Thai lives at "/", English under "/en". The server holds both dictionaries;
 * a browser loads only the languages it shows (dictionaries.client.ts).
 */
import { dictionaries } from "./dictionaries";

export const languages = ["th", "en"] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = "th";

/** BCP 47 tags for Intl and for <html lang>. */
export const localeOf: Record<Lang, string> = { th: "th-TH", en: "en-GB" };

/** The language of a `($lang)` route param, or null when the prefix is unknown. */
export function langFromParam(param: string | undefined): Lang | null {
  if (param === undefined) return defaultLang;
  return param === "en" ? "en" : null;
}

/** Prefixes an app path with the language's segment: href("en", "/groups/x") → "/en/groups/x". */
export function href(lang: Lang, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (lang === defaultLang) return clean;
  return clean === "/" ? `/${lang}` : `/${lang}${clean}`;
}

/** The same page in the other language: strips or adds the "/en" prefix. */
export function switchLangPath(pathname: string, to: Lang): string {
  const bare = pathname === "/en" ? "/" : pathname.startsWith("/en/") ? pathname.slice(3) : pathname;
  return href(to, bare);
}

/** Translates a dictionary key ("cart.onlyLeft") with its {{placeholders}} filled from `values`. */
export type TFunction = (key: string, values?: Record<string, unknown>) => string;

function lookup(dictionary: unknown, key: string): unknown {
  let node = dictionary;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * The CLDR plural category, as Intl.PluralRules gives it for th-TH and en-GB: Thai has one form,
 * English "one" for exactly ±1. Written out because the first Intl object a page makes costs a
 * phone tens of milliseconds while it hydrates (format.ts); i18n.test.ts holds it to Intl.
 */
export function pluralCategory(count: number, lang: Lang): "one" | "other" {
  return lang === "en" && Math.abs(count) === 1 ? "one" : "other";
}

/**
 * A key's text with {{name}} replaced by `values.name` (null or undefined give ""; a name not
 * given is left as it is), and `values.defaultValue` or else the key itself when the dictionary has
 * no text for it. A numeric
 * `count` picks `key_one`, `key_other`… by the language's plural rules when the dictionary has
 * that form (`key_zero` for 0 first), else `key`. That is what i18next did with our dictionaries
 * (i18n.test.ts holds the two side by side), without its 50 kB in the browser or its per-call
 * option handling on the server.
 */
export function translate(dictionary: unknown, key: string, values?: Record<string, unknown>, lang: Lang = defaultLang): string {
  let text = lookup(dictionary, key);
  const count = values?.count;
  if (typeof count === "number") {
    const plural = (count === 0 ? lookup(dictionary, `${key}_zero`) : undefined) ?? lookup(dictionary, `${key}_${pluralCategory(count, lang)}`);
    if (typeof plural === "string") text = plural;
  }
  const found = typeof text === "string" ? text : typeof values?.defaultValue === "string" ? values.defaultValue : null;
  if (found === null) return key;
  if (!values) return found;
  return found.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (placeholder: string, name: string) =>
    Object.hasOwn(values, name) ? (values[name] == null ? "" : String(values[name])) : placeholder,
  );
}

const fixed = new Map<Lang, TFunction>();

/** Translate outside React (loaders, actions, meta). One fixed translator per language, made once. */
export function translator(lang: Lang): TFunction {
  const known = fixed.get(lang);
  if (known) return known;
  // Only in a browser that never loaded this language (a page outside the language layout
  // reached by a client navigation): the language it has stands in, rather than bare keys.
  const dictionary = dictionaries[lang] ?? Object.values(dictionaries)[0];
  const t: TFunction = (key, values) => translate(dictionary, key, values, lang);
  if (dictionaries[lang]) fixed.set(lang, t);
  return t;
}

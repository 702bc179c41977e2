/**
 * Languages, their URL prefixes, and one i18next instance per language.
 * Thai lives at "/", English under "/en". The server holds both dictionaries;
 * a browser loads only the languages it shows (dictionaries.client.ts).
 */
import i18next, { type i18n as I18n, type TFunction } from "i18next";
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

const instances = new Map<Lang, I18n>();

export function i18nFor(lang: Lang): I18n {
  let instance = instances.get(lang);
  if (!instance) {
    // Only in a browser that never loaded this language (a page outside the language layout
    // reached by a client navigation): the language it has stands in, rather than bare keys.
    const dictionary = dictionaries[lang] ?? Object.values(dictionaries)[0];
    instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: false,
      resources: { [lang]: { translation: dictionary } },
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    } as Parameters<I18n["init"]>[0]);
    if (dictionaries[lang]) instances.set(lang, instance);
  }
  return instance;
}

const fixed = new Map<Lang, TFunction>();

/** Translate outside React (loaders, actions, meta). One fixed translator per language, made once. */
export function translator(lang: Lang) {
  let t = fixed.get(lang);
  if (!t) {
    t = i18nFor(lang).getFixedT(lang);
    if (dictionaries[lang]) fixed.set(lang, t);
  }
  return t;
}

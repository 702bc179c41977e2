/** Picks the Thai or English column of a bilingual row. */
import type { Lang } from "./i18n";

export function pick<T>(lang: Lang, th: T, en: T | null | undefined): T {
  return lang === "en" && en != null && en !== "" ? en : th;
}

/**
 * A bilingual text for the page's language, and whether the English was missing: a group may
 * leave its English title or story empty, and the English storefront then shows the Thai, marked
 * lang="th" (so a screen reader reads it as Thai) and says the English is not yet available.
 */
export function localized(lang: Lang, th: string, en: string | null | undefined): { text: string; lang: Lang; missing: boolean } {
  const missing = lang === "en" && (en == null || en.trim() === "");
  return { text: missing ? th : lang === "en" ? en! : th, lang: missing ? "th" : lang, missing };
}

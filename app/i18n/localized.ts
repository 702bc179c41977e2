/** Picks the Thai or English column of a bilingual row. */
import type { Lang } from "./i18n";

export function pick<T>(lang: Lang, th: T, en: T | null | undefined): T {
  return lang === "en" && en != null && en !== "" ? en : th;
}

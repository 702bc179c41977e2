/**
 * Preloads for the two faces a page's first screen is set in: regular and bold
 * of its own language's subset (Thai on "/", Latin on "/en"). With
 * `font-display: optional` in fonts.css, a face that is not ready by first paint
 * is not swapped in later (the page would reflow under the reader's thumb); it
 * is used from the cache on the next page instead. Preloading makes "ready by
 * first paint" the usual case.
 */
import thaiRegular from "@fontsource/noto-sans-thai-looped/files/noto-sans-thai-looped-thai-400-normal.woff2?url";
import thaiBold from "@fontsource/noto-sans-thai-looped/files/noto-sans-thai-looped-thai-700-normal.woff2?url";
import latinRegular from "@fontsource/noto-sans-thai-looped/files/noto-sans-thai-looped-latin-400-normal.woff2?url";
import latinBold from "@fontsource/noto-sans-thai-looped/files/noto-sans-thai-looped-latin-700-normal.woff2?url";
import type { Lang } from "~/i18n/i18n";

// The @font-face rules themselves are inlined with styles.css (its first line imports fonts.css).
const FACES_BY_LANG: Record<Lang, readonly string[]> = {
  th: [thaiRegular, thaiBold],
  en: [latinRegular, latinBold],
};

export function fontPreloads(lang: Lang): readonly string[] {
  return FACES_BY_LANG[lang];
}

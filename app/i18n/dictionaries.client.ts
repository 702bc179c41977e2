/**
 * The browser's dictionaries: only the languages it has needed, each its own chunk, loaded before
 * the page hydrates (entry.client.tsx) and before a navigation into the other language
 * (`clientLoader` of routes/($lang).tsx). vite.config.ts puts this module in place of
 * dictionaries.ts in the browser build.
 */
import type { Lang } from "./i18n";
import type { Dictionary } from "./th";

export const dictionaries: Partial<Record<Lang, Dictionary>> = {};

export async function loadDictionary(lang: Lang): Promise<void> {
  dictionaries[lang] ??= lang === "en" ? (await import("./en")).en : (await import("./th")).th;
}

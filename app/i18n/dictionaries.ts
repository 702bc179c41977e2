/**
 * Both languages' dictionaries, for the server (and tests and scripts), which render either. The
 * browser gets only its page's language: vite.config.ts sends a browser build's imports of this
 * module to dictionaries.client.ts, so no page ships the other language's strings.
 */
import { en } from "./en";
import type { Lang } from "./i18n";
import { th, type Dictionary } from "./th";

export const dictionaries: Partial<Record<Lang, Dictionary>> = { th, en };

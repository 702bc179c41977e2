/**
 * The page's language, from its path, so it is known even in error pages
 * where no loader data exists.
 */
import { useLocation } from "@remix-run/react";
import { translator, type Lang } from "./i18n";

export function langOfPath(pathname: string): Lang {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "th";
}

export function useLang(): Lang {
  return langOfPath(useLocation().pathname);
}

/**
 * The translate function and the language together. It takes the language's
 * fixed translator directly instead of react-i18next's useTranslation, which
 * on the server copies every property of the i18next instance for each
 * component that calls it: with dozens of cards a page, that was the largest
 * single cost in the storefront benchmark's CPU profile.
 */
export function useT() {
  const lang = useLang();
  return { t: translator(lang), lang };
}

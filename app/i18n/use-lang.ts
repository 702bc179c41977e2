/**
 * The page's language, from its path, so it is known even in error pages
 * where no loader data exists.
 */
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "./i18n";

export function langOfPath(pathname: string): Lang {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "th";
}

export function useLang(): Lang {
  return langOfPath(useLocation().pathname);
}

/** The translate function and the language together. */
export function useT() {
  const { t } = useTranslation();
  return { t, lang: useLang() };
}

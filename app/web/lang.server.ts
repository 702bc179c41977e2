import type { Params } from "@remix-run/react";
import { langFromParam, type Lang } from "~/i18n/i18n";
import { notFound } from "./http.server";

/** The language of a route's `($lang)` param; an unknown prefix is a 404. */
export function requireLang(params: Params): Lang {
  const lang = langFromParam(params.lang);
  if (!lang) throw notFound("Unknown language");
  return lang;
}

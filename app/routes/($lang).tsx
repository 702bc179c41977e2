/** Every storefront page sits under an optional language prefix; only "/en" is one. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, type ClientLoaderFunctionArgs } from "@remix-run/react";
import { loadDictionary } from "~/i18n/dictionaries.client";
import { langFromParam } from "~/i18n/i18n";
import { notFound } from "~/web/http.server";

export function loader({ params }: LoaderFunctionArgs) {
  if (!langFromParam(params.lang)) throw notFound("Unknown language");
  return null;
}

/** A browser switching language fetches the other dictionary before the page in it renders. */
export async function clientLoader({ params, serverLoader }: ClientLoaderFunctionArgs) {
  const lang = langFromParam(params.lang);
  if (lang) await loadDictionary(lang);
  return serverLoader();
}

export default function LanguageLayout() {
  return <Outlet />;
}

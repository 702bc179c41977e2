/** Every storefront page sits under an optional language prefix; only "/en" is one. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { langFromParam } from "~/i18n/i18n";
import { notFound } from "~/web/http.server";

export function loader({ params }: LoaderFunctionArgs) {
  if (!langFromParam(params.lang)) throw notFound("Unknown language");
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}

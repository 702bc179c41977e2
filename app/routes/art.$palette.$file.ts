/** Generated placeholder artwork (/art/<category|group>/<slug>.svg), cached for a year: it depends only on the URL. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { placeholderSvg } from "~/modules/catalog/placeholder-art";
import { notFound } from "~/web/http.server";
import { slugParam } from "~/web/params";

export function loader({ params }: LoaderFunctionArgs) {
  const palette = slugParam(params.palette);
  const slug = slugParam(params.file?.replace(/\.svg$/, ""));
  if (!palette || !slug || !params.file?.endsWith(".svg")) throw notFound();
  return new Response(placeholderSvg(slug, palette), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * Share images for link previews (/og/product/<slug>.png, /og/group/<slug>.png):
 * LINE and Facebook want an absolute PNG or JPEG, about 1200×630, and ignore
 * SVG, so the placeholder art is rendered to PNG with sharp (once per card, see
 * share-image.server.ts). The picture depends only on the slug and its
 * category, so it is cached publicly too.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupExists, productArtInfo } from "~/modules/catalog/sitemap.server";
import { shareImages } from "~/modules/catalog/share-image.server";
import { IMAGE_CACHE } from "~/web/cache";
import { notFound } from "~/web/http.server";
import { slugParam } from "~/web/params";

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.file?.endsWith(".png") ? slugParam(params.file.slice(0, -".png".length)) : null;
  if (!slug || (params.kind !== "product" && params.kind !== "group")) throw notFound();
  let palette = "group";
  if (params.kind === "product") {
    const product = await productArtInfo(slug);
    if (!product) throw notFound();
    palette = product.palette;
  } else if (!(await groupExists(slug))) {
    throw notFound();
  }
  const png = await shareImages.png(slug, palette);
  return new Response(png, {
    headers: { "Content-Type": "image/png", "Content-Length": String(png.length), "Cache-Control": IMAGE_CACHE, "X-Content-Type-Options": "nosniff" },
  });
}

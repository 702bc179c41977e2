/**
 * Share images for link previews: /og/product/<slug>.png and /og/group/<slug>.png in Thai,
 * /og/…/<slug>.en.png in English (LINE and Facebook want an absolute PNG or JPEG, about
 * 1200×630, and ignore SVG). A product or group buyers may not see has none (404). The
 * picture changes when its photo, price or names do, under the same URL, so chat apps and
 * browsers may keep it for an hour, not for good.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { shareCardPng } from "~/modules/catalog/share-cards.server";
import { notFound } from "~/web/http.server";
import { slugParam } from "~/web/params";

const SHARE_CARD_CACHE = "public, max-age=3600, stale-while-revalidate=86400";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = /^(.+?)(\.en)?\.png$/.exec(params.file ?? "");
  const slug = file ? slugParam(file[1]) : null;
  const kind = params.kind === "product" || params.kind === "group" ? params.kind : null;
  if (!slug || !kind) throw notFound();
  const png = await shareCardPng(kind, slug, file?.[2] ? "en" : "th");
  if (!png) throw notFound();
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Content-Length": String(png.length), "Cache-Control": SHARE_CARD_CACHE, "X-Content-Type-Options": "nosniff" },
  });
}

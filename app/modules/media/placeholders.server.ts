/**
 * The demo's generated artwork as stored images: how it is encoded (seed), and how to know one
 * again. Its key is content-addressed from the art, which depends only on the product's slug
 * and category, so "is this the placeholder?" needs no column: a photo upload drops it from the
 * gallery, and a share card draws the art rather than a picture of it.
 */
import { placeholderSvg } from "~/modules/catalog/placeholder-art";
import { storageKeyFor } from "./pipeline.server";

// Flat vector art: the lowest AVIF effort loses nothing visible and is ~4× faster;
// 640 px wide covers the 400 px product image on most phones.
export const placeholderEncoding = { allowSvg: true, svgWidth: 640, widths: [320, 640], avifEffort: 0, webpEffort: 2 } as const;

/** The storage key of the placeholder drawn for a product (palette = its category's slug) or a group (palette "group"). */
export function placeholderKeyOf(slug: string, palette: string): string {
  return storageKeyFor(Buffer.from(placeholderSvg(slug, palette)), placeholderEncoding);
}

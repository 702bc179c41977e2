/**
 * The shape of a stored image as pages see it: its intrinsic size and the
 * encoded variants (format × width) with the URL each is served from. Shared by
 * the server (which writes it into Image.variants) and the <Picture> component,
 * so it must stay free of server-only imports (and of zod, to keep it out of
 * the browser bundle).
 */

export const imageFormats = ["avif", "webp"] as const;
export type ImageFormat = (typeof imageFormats)[number];

export interface ImageVariant {
  format: ImageFormat;
  width: number;
  height: number;
  key: string;
  url: string;
}

export const contentTypeOf: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp" };

/** Image.variants is Json in the database; keep only well-formed entries instead of trusting it blindly. */
export function variantsOf(json: unknown): ImageVariant[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (entry): entry is ImageVariant =>
      typeof entry === "object" &&
      entry !== null &&
      (imageFormats as readonly unknown[]).includes((entry as ImageVariant).format) &&
      Number.isInteger((entry as ImageVariant).width) &&
      typeof (entry as ImageVariant).url === "string",
  );
}

/** "url 320w, url 640w" for one format, narrowest first. */
export function srcsetFor(variants: ImageVariant[], format: ImageFormat): string {
  return variants
    .filter((variant) => variant.format === format)
    .sort((a, b) => a.width - b.width)
    .map((variant) => `${variant.url} ${variant.width}w`)
    .join(", ");
}

/**
 * The <img src> for browsers that ignore <source>: the WebP variant closest to
 * `near` px. Every browser in use decodes WebP (Safari since 14, 2020), so no
 * JPEG/PNG copy is kept; it would cost a third encode per size for nobody.
 */
export function fallbackSrc(variants: ImageVariant[], near = 640): string | undefined {
  const webp = variants.filter((variant) => variant.format === "webp");
  if (webp.length === 0) return variants[0]?.url;
  return webp.reduce((best, variant) => (Math.abs(variant.width - near) < Math.abs(best.width - near) ? variant : best)).url;
}

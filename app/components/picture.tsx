/**
 * A responsive image: AVIF and WebP sources at several widths, chosen by the
 * browser from `sizes`, with width/height on the <img> so the page does not
 * shift while it loads.
 */
import { fallbackSrc, srcsetFor, variantsOf } from "~/modules/media/variants";

export interface PictureImage {
  width: number;
  height: number;
  /** Image.variants as stored (JSON). */
  variants: unknown;
}

export function Picture({
  image,
  alt,
  sizes,
  className,
  priority = false,
}: {
  image: PictureImage;
  alt: string;
  sizes: string;
  className?: string;
  /** The page's main image (likely its largest paint): load it at once and early. */
  priority?: boolean;
}) {
  const variants = variantsOf(image.variants);
  return (
    <ResponsivePicture
      avif={srcsetFor(variants, "avif")}
      webp={srcsetFor(variants, "webp")}
      src={fallbackSrc(variants)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={alt}
      className={className}
      priority={priority}
    />
  );
}

/**
 * The markup of a responsive picture from its srcsets: an AVIF <source>, and a WebP <img> whose
 * `src` serves a browser that ignores srcset. Shared by <Picture> (stored variants) and the cards
 * (components/cards.tsx, which send their srcsets in a shorter form).
 */
export function ResponsivePicture({
  avif,
  webp,
  src,
  sizes,
  width,
  height,
  alt,
  className,
  priority = false,
}: {
  avif: string;
  webp: string;
  src: string | undefined;
  sizes: string;
  width: number;
  height: number;
  alt: string;
  className?: string;
  priority?: boolean;
}) {
  // React 18 does not know fetchPriority yet; the lowercase attribute passes through.
  const fetchPriority = priority ? ({ fetchpriority: "high" } as Record<string, string>) : {};
  return (
    <picture>
      {avif ? <source type="image/avif" srcSet={avif} sizes={sizes} /> : null}
      <img
        className={className}
        src={src}
        srcSet={webp || undefined}
        sizes={webp ? sizes : undefined}
        alt={alt}
        width={width}
        height={height}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? "auto" : "async"}
        {...fetchPriority}
      />
    </picture>
  );
}

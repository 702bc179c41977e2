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
  const avif = srcsetFor(variants, "avif");
  const webp = srcsetFor(variants, "webp");
  // React 18 does not know fetchPriority yet; the lowercase attribute passes through.
  const fetchPriority = priority ? ({ fetchpriority: "high" } as Record<string, string>) : {};
  return (
    <picture>
      {avif ? <source type="image/avif" srcSet={avif} sizes={sizes} /> : null}
      {webp ? <source type="image/webp" srcSet={webp} sizes={sizes} /> : null}
      <img
        className={className}
        src={fallbackSrc(variants)}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? "auto" : "async"}
        {...fetchPriority}
      />
    </picture>
  );
}

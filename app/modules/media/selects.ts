/** What pages select of an image: enough for <Picture>, nothing more. Shared by the catalog and groups modules. */
export const imageSelect = { select: { width: true, height: true, variants: true } } as const;

/** A product's first image, with its alt text in both languages. */
export const productImageSelect = {
  orderBy: { position: "asc" },
  take: 1,
  select: { altTh: true, altEn: true, image: imageSelect },
} as const;

/** A product's pictures for its gallery, in order. */
export const productGallerySelect = {
  orderBy: { position: "asc" },
  take: 8,
  select: { position: true, altTh: true, altEn: true, image: imageSelect },
} as const;

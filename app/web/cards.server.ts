/**
 * Cards as listing pages send them: each product or group row cut down to what its card shows,
 * in the page's language, with the picture's srcsets written once here. A listing's loader data
 * is serialised into the page for hydration, so both languages of every card and the stored
 * image variants (keys, heights, URLs) used to be most of a page's weight.
 */
import type { CardPicture, GroupCardData, GroupCardView, ProductCardData, ProductCardView } from "~/components/cards";
import { productArt } from "~/components/cards";
import type { PictureImage } from "~/components/picture";
import type { Lang } from "~/i18n/i18n";
import { localized, pick } from "~/i18n/localized";
import { fallbackSrc, srcsetFor, variantsOf } from "~/modules/media/variants";

export function cardPicture(image: PictureImage): CardPicture | null {
  const variants = variantsOf(image.variants);
  const src = fallbackSrc(variants);
  if (!src) return null;
  return { width: image.width, height: image.height, avif: srcsetFor(variants, "avif"), webp: srcsetFor(variants, "webp"), src };
}

export function productCard(lang: Lang, product: ProductCardData): ProductCardView {
  const title = localized(lang, product.titleTh, product.titleEn);
  const image = product.images?.[0]?.image;
  return {
    slug: product.slug,
    title: title.text,
    ...(title.missing ? { titleIsThai: true as const } : {}),
    priceSatang: product.priceSatang,
    unit: pick(lang, product.unitTh, product.unitEn),
    madeToOrder: product.madeToOrder,
    ...(product.group ? { by: `${pick(lang, product.group.nameTh, product.group.nameEn)} · ${pick(lang, product.group.province.nameTh, product.group.province.nameEn)}` } : {}),
    picture: (image && cardPicture(image)) ?? { art: productArt(product.slug, product.category.slug) },
  };
}

export function productCards(lang: Lang, products: ProductCardData[]): ProductCardView[] {
  return products.map((product) => productCard(lang, product));
}

/** `withPicture: false` makes a compact card (the home page's list of groups). */
export function groupCard(lang: Lang, group: GroupCardData, { withPicture = true }: { withPicture?: boolean } = {}): GroupCardView {
  const cover = withPicture && group.coverImage ? cardPicture(group.coverImage) : null;
  return {
    slug: group.slug,
    name: pick(lang, group.nameTh, group.nameEn),
    place: `${pick(lang, group.villageTh, group.villageEn)} · ${pick(lang, group.province.nameTh, group.province.nameEn)}`,
    memberCount: group.memberCount,
    ...(withPicture ? { picture: cover ?? { art: `/art/group/${encodeURIComponent(group.slug)}.svg` } } : {}),
  };
}

/**
 * Meta tags and JSON-LD, one helper per page type, so every page states its
 * title, description, canonical URL, Open Graph card and structured data the
 * same way. Runs in `meta` functions (server and browser), so it is pure.
 *
 * Canonical URLs drop the query string: a listing sorted or filtered or on
 * page 3 is a view of the same page, and every product it lists is in the
 * sitemap anyway, so those views ask not to be indexed (noindex, follow) and
 * point at the plain listing. hreflang (in root.tsx) follows the same rule.
 */
import type { MetaDescriptor } from "@remix-run/node";
import { formatYear } from "~/i18n/format";
import { href, translator, type Lang, type TFunction } from "~/i18n/i18n";

/** The public origin the root loader worked out, from a meta function's matches. */
export function originOf(matches: readonly { id: string; data: unknown }[]): string {
  const root = matches.find((match) => match.id === "root")?.data as { origin?: string } | undefined;
  return root?.origin ?? "";
}

export interface PageSeo {
  lang: Lang;
  origin: string;
  /** The page's path without its language prefix ("/products/x"). */
  path: string;
  title: string;
  description: string;
  /** Absolute or root-relative PNG/JPEG, 1200×630 (LINE and Facebook previews ignore SVG). */
  image?: { path: string; alt: string };
  type?: "website" | "product" | "profile";
  jsonLd?: object[];
  /** Sorted, filtered or paged views of a listing. */
  noindex?: boolean;
}

export function absolute(origin: string, lang: Lang, path: string): string {
  return `${origin}${href(lang, path)}`;
}

export function seoMeta(page: PageSeo): MetaDescriptor[] {
  const url = absolute(page.origin, page.lang, page.path);
  const description = clip(page.description, 160);
  const tags: MetaDescriptor[] = [
    { title: page.title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:site_name", content: page.lang === "th" ? "ตลาดสัมมาชีพ" : "Sammachip Market" },
    { property: "og:title", content: page.title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:locale", content: page.lang === "th" ? "th_TH" : "en_US" },
    { property: "og:locale:alternate", content: page.lang === "th" ? "en_US" : "th_TH" },
    { name: "twitter:card", content: page.image ? "summary_large_image" : "summary" },
  ];
  if (page.image) {
    const image = page.image.path.startsWith("http") ? page.image.path : `${page.origin}${page.image.path}`;
    tags.push(
      { property: "og:image", content: image },
      { property: "og:image:type", content: "image/png" },
      { property: "og:image:width", content: "1200" },
      { property: "og:image:height", content: "630" },
      { property: "og:image:alt", content: page.image.alt },
    );
  }
  if (page.noindex) tags.push({ name: "robots", content: "noindex, follow" });
  for (const data of page.jsonLd ?? []) tags.push({ "script:ld+json": data });
  return tags;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.name, item: item.url })),
  };
}

/** What a page one step below home says of itself: `title` without the site's name. */
export interface ListingPage {
  name: string;
  title: string;
  description: string;
  path: string;
  noindex: boolean;
}

/**
 * The meta of a page one step below home (a category, a province, a collection, the group
 * directory): its title with the site's name, its description and canonical address, and the
 * breadcrumb home → page. `page` is missing when the loader found nothing: the 404's title.
 */
export function listingMeta(lang: Lang, matches: readonly { id: string; data: unknown }[], page: ((t: TFunction, lang: Lang) => ListingPage) | null | undefined): MetaDescriptor[] {
  const t = translator(lang);
  if (!page) return [{ title: `${t("errors.notFoundTitle")} · ${t("site.name")}` }];
  const origin = originOf(matches);
  const { name, title, description, path, noindex } = page(t, lang);
  return seoMeta({
    lang,
    origin,
    path,
    title: `${title} · ${t("site.name")}`,
    description,
    noindex,
    jsonLd: [breadcrumbJsonLd([{ name: t("nav.home"), url: absolute(origin, lang, "/") }, { name, url: absolute(origin, lang, path) }])],
  });
}

/** A satang amount as schema.org wants a price: "437.50". */
export function schemaPrice(satang: number): string {
  return `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, "0")}`;
}

export function productJsonLd(input: {
  url: string;
  image: string;
  name: string;
  description: string;
  sku: string;
  category: string;
  priceSatang: number;
  availability: "InStock" | "OutOfStock" | "MadeToOrder";
  group: { name: string; url: string };
}) {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: input.name,
    description: clip(input.description, 500),
    image: [input.image],
    sku: input.sku,
    category: input.category,
    url: input.url,
    brand: { "@type": "Brand", name: input.group.name },
    manufacturer: { "@type": "Organization", name: input.group.name, url: input.group.url },
    offers: {
      "@type": "Offer",
      url: input.url,
      price: schemaPrice(input.priceSatang),
      priceCurrency: "THB",
      availability: `https://schema.org/${input.availability}`,
      seller: { "@type": "Organization", name: input.group.name, url: input.group.url },
    },
  };
}

export function groupJsonLd(input: {
  url: string;
  image: string;
  name: string;
  alternateName: string;
  description: string;
  foundedYear: number;
  memberCount: number;
  village: string;
  province: string;
}) {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: input.name,
    alternateName: input.alternateName,
    description: clip(input.description, 500),
    url: input.url,
    image: input.image,
    logo: input.image,
    // schema.org wants the Gregorian year whatever the page's language.
    foundingDate: formatYear(input.foundedYear, "en"),
    numberOfEmployees: { "@type": "QuantitativeValue", value: input.memberCount },
    address: { "@type": "PostalAddress", addressLocality: input.village, addressRegion: input.province, addressCountry: "TH" },
  };
}

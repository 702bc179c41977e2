/**
 * What the search page needs from the catalog besides the engine's hits: product cards for the
 * hits (so price, unit and stock are as of now, and a product withdrawn since the last sync is
 * simply not shown) and the bilingual names facet values are displayed with.
 */
import { db } from "~/db/client.server";
import { referenceData } from "~/lib/reference-data.server";
// The same card as every other listing, pictures included.
import { cardSelect } from "./catalog.server";
import { visibleProducts } from "./visibility";

/** Cards for the given slugs, in the given order; slugs no longer for sale are left out. */
export async function productCardsBySlugs(slugs: readonly string[]) {
  if (slugs.length === 0) return [];
  const rows = await db().product.findMany({ where: { ...visibleProducts, slug: { in: [...slugs] } }, select: cardSelect });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

export type FacetLabel = { value: string; nameTh: string; nameEn: string };

/** Display names for every category, certification and province, keyed as the engines facet them. */
export async function searchFacetLabels(): Promise<{
  category: FacetLabel[];
  certification: FacetLabel[];
  province: FacetLabel[];
}> {
  return referenceData("search-facet-labels", async () => {
    const [categories, certifications, provinces] = await Promise.all([
      db().category.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, nameTh: true, nameEn: true } }),
      db().certification.findMany({ orderBy: { slug: "asc" }, select: { slug: true, nameTh: true, nameEn: true } }),
      db().province.findMany({ orderBy: { nameEn: "asc" }, select: { slug: true, nameTh: true, nameEn: true } }),
    ]);
    const label = (row: { slug: string; nameTh: string; nameEn: string }) => ({ value: row.slug, nameTh: row.nameTh, nameEn: row.nameEn });
    return { category: categories.map(label), certification: certifications.map(label), province: provinces.map(label) };
  });
}

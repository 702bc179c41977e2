/**
 * Province identity. A province is known everywhere by `Province.slug` ("khon-kaen"): in URLs,
 * in search filters and facets, in the region map. The slug is made once, from the English name,
 * when a province row is created (the seed, a group's application) and by the file-based search
 * tools that have no database; nothing else derives it.
 */

/** "Chiang Mai" → "chiang-mai", "Si Sa Ket" → "si-sa-ket"; accents dropped. */
export function provinceSlugOf(nameEn: string): string {
  return nameEn
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

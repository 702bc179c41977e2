/**
 * Thailand's provinces by region (the six-region scheme of the National
 * Geographical Committee), keyed by the province slug the store uses in URLs.
 * Used to show a buyer the groups nearest the province they chose.
 */
const regions = {
  north: "chiang-mai chiang-rai lampang lamphun mae-hong-son nan phayao phrae uttaradit kamphaeng-phet phichit phitsanulok sukhothai nakhon-sawan uthai-thani phetchabun",
  northeast:
    "amnat-charoen bueng-kan buri-ram buriram chaiyaphum kalasin khon-kaen loei maha-sarakham mukdahan nakhon-phanom nakhon-ratchasima nong-bua-lam-phu nong-khai roi-et sakon-nakhon si-sa-ket sisaket surin ubon-ratchathani udon-thani yasothon",
  central:
    "bangkok ang-thong phra-nakhon-si-ayutthaya ayutthaya chai-nat lop-buri lopburi nakhon-nayok nakhon-pathom nonthaburi pathum-thani samut-prakan samut-sakhon samut-songkhram sing-buri saraburi suphan-buri",
  east: "chachoengsao chanthaburi chon-buri chonburi prachin-buri rayong sa-kaeo trat",
  west: "kanchanaburi phetchaburi prachuap-khiri-khan ratchaburi tak",
  south: "chumphon krabi nakhon-si-thammarat narathiwat pattani phang-nga phatthalung phuket ranong satun songkhla surat-thani trang yala",
} as const;

export type Region = keyof typeof regions;

const regionOfSlug = new Map<string, Region>(
  (Object.entries(regions) as [Region, string][]).flatMap(([region, slugs]) => slugs.split(" ").map((slug) => [slug, region] as const)),
);

export function regionOf(provinceSlug: string): Region | null {
  return regionOfSlug.get(provinceSlug) ?? null;
}

/** Province slugs in the same region, the province itself included; just itself when its region is unknown. */
export function provincesInRegionOf(provinceSlug: string): string[] {
  const region = regionOf(provinceSlug);
  return region ? regions[region].split(" ") : [provinceSlug];
}

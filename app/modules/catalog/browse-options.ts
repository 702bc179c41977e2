/**
 * The sorts and filters a listing offers. Kept apart from browse-query.ts
 * (which parses them with zod) so the page's form can list them without
 * shipping zod to the browser.
 */
export const sorts = ["new", "price-asc", "price-desc"] as const;
export type Sort = (typeof sorts)[number];

/** The certifications a buyer can filter by, by their catalog slug. */
export const certificationFilters = ["otop", "organic-th", "gi", "fda"] as const;
export type CertificationFilter = (typeof certificationFilters)[number];

/** "ready": on hand and shipped now; "order": made on request within its lead time. */
export const shippingFilters = ["ready", "order"] as const;
export type ShippingFilter = (typeof shippingFilters)[number];

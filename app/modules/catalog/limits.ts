/**
 * The catalog's business limits, in one place for the module that enforces them and the forms
 * that check them first in the browser (so this file has no server code).
 */

/** The most units a group may say it has on hand: more is a typo, not a shelf. */
export const STOCK_MAX = 100_000;

/** No one orders more than this of one product at once; it also caps "unlimited" made-to-order work. */
export const MAX_LINE_QUANTITY = 999;
/** The highest price a group may set: ฿1,000,000 in satang. More is a typo (an extra zero or two). */
export const PRICE_MAX_SATANG = 100_000_000;
/** Longest lead time for made-to-order work, in days. */
export const LEAD_TIME_MAX_DAYS = 365;
/** Most units a group can make in a week. */
export const CAPACITY_MAX = 10_000;
/** Heaviest single unit, in grams (100 kg): shipping is priced by weight. */
export const WEIGHT_MAX_GRAMS = 100_000;

/**
 * The catalog's business limits, in one place for the module that enforces them and the forms
 * that check them first in the browser (so this file has no server code).
 */

/** The most units a group may say it has on hand: more is a typo, not a shelf. */
export const STOCK_MAX = 100_000;

/** No one orders more than this of one product at once; it also caps "unlimited" made-to-order work. */
export const MAX_LINE_QUANTITY = 999;

/**
 * What a share card says, made safe to draw: the text of a product's or group's card with what
 * no font on the server can show taken out, cut to a length a 1200×630 card can hold, and
 * escaped for Pango's markup. Pure, so the rules are tested without drawing anything.
 */
/** What a card shows; every text already in the page's language. */
export interface ShareCardContent {
  title: string;
  /** "฿455 / mat"; none on a group's card. */
  price: string | null;
  /** The group's name, then where it is. */
  lines: string[];
  /** The store's name, at the top. */
  brand: string;
  /** The cover photo's storage keys, largest first; none when there is no photo. */
  photo: string[];
  /** The artwork drawn from the slug in its palette: the picture when there is no photo, and the card's colours. */
  art: { seed: string; palette: string };
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * Text a card can draw: emoji and other pictographs go (the card's fonts have none, and a
 * missing glyph is drawn as a box of hex digits), as do control and invisible format
 * characters; runs of spaces become one; longer than `max` graphemes (a Thai syllable with its
 * vowel and tone marks is one) is cut with an ellipsis, never inside a grapheme.
 */
export function cardText(text: string, max: number): string {
  const cleaned = text
    .replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}|[\u{1F3FB}-\u{1F3FF}]/gu, "")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const parts = Array.from(graphemes.segment(cleaned), (part) => part.segment);
  return parts.length <= max ? cleaned : `${parts.slice(0, max - 1).join("").trimEnd()}…`;
}

/** Escaped for Pango markup (sharp's text input), which is XML-like. */
export function pangoEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const words = new Intl.Segmenter("th", { granularity: "word" });

/**
 * Thai is written without spaces between words, and the card's text engine breaks an over-long
 * Thai line anywhere; a zero-width space between words (found by ICU's Thai dictionary) lets it
 * break between them instead.
 */
export function withWordBreaks(text: string): string {
  return Array.from(words.segment(text), (part) => part.segment)
    .map((segment, index, all) => (index > 0 && /[\u0E01-\u0E5B]$/.test(all[index - 1]) && /^[\u0E01-\u0E5B]/.test(segment) ? `\u200B${segment}` : segment))
    .join("");
}

/**
 * Share cards as PNG (1200×630, what LINE and Facebook show for a link): the product's cover
 * photo or its artwork on the left, and on the right its title, price, group and province in
 * the page's language, set by sharp (Pango + HarfBuzz, so Thai is shaped) in the store's font.
 *
 * Drawing one takes a few hundred ms of CPU, and a shared link is fetched by every chat app and
 * phone that previews it, so each card is drawn once and kept under a key made of everything
 * it shows: a new photo, price or name is a new key (a new drawing), and nothing needs to be
 * told to forget. Concurrent requests for one card wait on the same drawing.
 */
import crypto from "node:crypto";
import sharp, { type OverlayOptions } from "sharp";
import { artPalette, placeholderSvg } from "./placeholder-art";
import { pangoEscape, withWordBreaks, type ShareCardContent } from "./share-image";
import { SHARE_FONT_FAMILY, shareFontFiles } from "./share-fonts.server";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PICTURE = CARD_HEIGHT; // a square on the left
const PAD = 44;
const TEXT_WIDTH = CARD_WIDTH - PICTURE - 2 * PAD;

/** About 50–300 kB each, so at most a few tens of MB; the least recently used goes first. */
const MAX_CARDS = 200;

export class ShareImageCache {
  private readonly cards = new Map<string, Promise<Buffer>>();

  constructor(private readonly maxCards = MAX_CARDS) {}

  png(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    let card = this.cards.get(key);
    if (card) {
      this.cards.delete(key); // re-inserted below: Map order is recency order
    } else {
      card = draw();
      // A failed drawing is not kept: the next request tries again.
      card.catch(() => this.cards.get(key) === card && this.cards.delete(key));
    }
    this.cards.set(key, card);
    if (this.cards.size > this.maxCards) this.cards.delete(this.cards.keys().next().value!);
    return card;
  }
}

export const shareImages = new ShareImageCache();

/** Everything the card shows, as a key: equal content, equal card. */
export function shareCardKey(content: ShareCardContent): string {
  return crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

let fontsReady: Promise<void> | null = null;

/** libvips adds a text call's font file to the process's fonts for good; one call per file makes every face available to the others. */
function loadFonts(): Promise<void> {
  fontsReady ??= (async () => {
    for (const fontfile of shareFontFiles()) await sharp({ text: { text: ".", fontfile, font: SHARE_FONT_FAMILY } }).png().toBuffer();
  })().catch((error: unknown) => {
    fontsReady = null;
    throw error;
  });
  return fontsReady;
}

/**
 * A block of text at most `maxHeight` tall: set at its size, wrapped at words (Thai words by
 * Pango's dictionary, too long ones between graphemes); if that is too tall, shrunk to fit.
 */
async function textBlock(markup: string, size: number, maxHeight: number) {
  const text = { text: withWordBreaks(markup), font: `${SHARE_FONT_FAMILY} ${size}`, width: TEXT_WIDTH, rgba: true, wrap: "word-char" as const };
  let block = await sharp({ text: { ...text, dpi: 72 } }).png().toBuffer({ resolveWithObject: true });
  if (block.info.height > maxHeight) block = await sharp({ text: { ...text, height: maxHeight } }).png().toBuffer({ resolveWithObject: true });
  return { input: block.data, height: block.info.height };
}

/** The picture for the left square: the photo if storage still has it, else the artwork. */
async function pictureOf({ photo, art }: ShareCardContent, read: (key: string) => Promise<Buffer | null>): Promise<Buffer> {
  for (const key of photo) {
    const bytes = await read(key).catch(() => null);
    if (bytes) return sharp(bytes).resize(PICTURE, PICTURE, { fit: "cover" }).png().toBuffer();
  }
  return sharp(Buffer.from(placeholderSvg(art.seed, art.palette)), { density: 72 * (PICTURE / 400) })
    .resize(PICTURE, PICTURE)
    .png()
    .toBuffer();
}

/** `read` gives a stored file's bytes (the media storage's get). */
export async function drawShareCard(content: ShareCardContent, read: (key: string) => Promise<Buffer | null>): Promise<Buffer> {
  await loadFonts();
  const colours = artPalette(content.art.palette);
  const ink = "#2b1d3a";
  const [brand, title, price, ...lines] = await Promise.all([
    textBlock(`<span foreground="${colours.dark}" font_weight="bold">${pangoEscape(content.brand)}</span>`, 22, 40),
    textBlock(`<span foreground="${ink}" font_weight="bold">${pangoEscape(content.title)}</span>`, 44, 200),
    content.price ? textBlock(`<span foreground="${colours.dark}" font_weight="bold">${pangoEscape(content.price)}</span>`, 40, 64) : null,
    ...content.lines.map((line, index) =>
      textBlock(`<span foreground="${index === 0 ? ink : "#5c5566"}"${index === 0 ? ' font_weight="bold"' : ""}>${pangoEscape(line)}</span>`, index === 0 ? 28 : 24, index === 0 ? 84 : 40),
    ),
  ]);
  const left = PICTURE + PAD;
  const layers: OverlayOptions[] = [{ input: await pictureOf(content, read), left: 0, top: 0 }];
  let top = PAD;
  for (const block of [brand, title, price]) {
    if (!block) continue;
    layers.push({ input: block.input, left, top });
    top += block.height + 20;
  }
  // The group and its place sit at the bottom, as a byline.
  let bottom = CARD_HEIGHT - PAD;
  for (const block of [...lines].reverse()) {
    bottom -= block.height;
    layers.push({ input: block.input, left, top: Math.max(top, bottom) });
    bottom -= 8;
  }
  return sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: colours.light } })
    .composite(layers)
    .png({ palette: true, quality: 90, compressionLevel: 9 })
    .toBuffer();
}

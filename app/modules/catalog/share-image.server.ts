/**
 * Share cards as PNG. Drawing one with sharp takes 0.4–0.9 s of CPU, and the
 * picture depends only on the slug and its palette, so each is drawn once and
 * kept: a shared link is fetched by every chat app and phone that shows its
 * preview, and a burst of those (or of anyone asking on purpose) must not queue
 * up as many renders. Concurrent requests for one card wait on the same render.
 */
import sharp from "sharp";
import { shareImageSvg } from "./share-image";

/** About 20–60 kB each, so at most a few MB; the least recently used goes first. */
const MAX_CARDS = 200;

export class ShareImageCache {
  private readonly cards = new Map<string, Promise<Buffer<ArrayBuffer>>>();

  constructor(
    private readonly draw: (slug: string, palette: string) => Promise<Buffer<ArrayBuffer>> = drawShareImage,
    private readonly maxCards = MAX_CARDS,
  ) {}

  png(slug: string, palette: string): Promise<Buffer<ArrayBuffer>> {
    const key = `${palette}/${slug}`;
    let card = this.cards.get(key);
    if (card) {
      this.cards.delete(key); // re-inserted below: Map order is recency order
    } else {
      card = this.draw(slug, palette);
      // A failed render is not kept: the next request tries again.
      card.catch(() => this.cards.get(key) === card && this.cards.delete(key));
    }
    this.cards.set(key, card);
    if (this.cards.size > this.maxCards) this.cards.delete(this.cards.keys().next().value!);
    return card;
  }
}

function drawShareImage(slug: string, palette: string): Promise<Buffer<ArrayBuffer>> {
  return sharp(Buffer.from(shareImageSvg(slug, palette))).png({ compressionLevel: 9, palette: true }).toBuffer();
}

export const shareImages = new ShareImageCache();

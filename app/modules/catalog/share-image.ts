/**
 * A 1200×630 share card made from a product's or group's placeholder art: the
 * woven pattern scaled to full height on the left, its colours carried across.
 * No text is drawn, so no font has to exist on the server.
 */
import { placeholderSvg } from "./placeholder-art";

export function shareImageSvg(seed: string, palette: string): string {
  const art = placeholderSvg(seed, palette);
  // The art's own background colour, so the card's right side matches it.
  const background = /<rect width="400" height="400" fill="(#[0-9a-f]{6})"\/>/.exec(art)?.[1] ?? "#f2e8cf";
  const inner = art.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="${background}"/>
<svg x="0" y="0" width="630" height="630" viewBox="0 0 400 400">${inner}</svg>
<svg x="630" y="0" width="630" height="630" viewBox="0 0 400 400" opacity="0.35">${inner.replace(/id="p"/, 'id="q"').replace(/url\(#p\)/, "url(#q)")}</svg>
</svg>`;
}

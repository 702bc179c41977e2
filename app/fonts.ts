/**
 * The font stylesheet and a preload of the body face, so text is not drawn
 * twice (fallback, then Noto) later than it must. Only the Thai regular face
 * is preloaded: every page's body text and navigation are Thai on "/", and a
 * preload that goes unused on English pages costs 11 kB once, then it is cached.
 */
import type { LinkDescriptor } from "@remix-run/node";
import thaiRegular from "@fontsource/noto-sans-thai-looped/files/noto-sans-thai-looped-thai-400-normal.woff2?url";

// The @font-face rules themselves are bundled into styles.css (its first line imports
// fonts.css), so a page waits on one stylesheet rather than two.
export const fontLinks: LinkDescriptor[] = [
  { rel: "preload", href: thaiRegular, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
];

/**
 * The app's JavaScript waits for the page's own load. Every page here is whole
 * without JavaScript (links and forms are real), so on a cheap phone over a slow
 * connection the first screen's text and pictures should get the bandwidth and
 * the CPU first; hydration (search suggestions, client-side navigation) can come
 * a moment later. Left to itself, Remix's <Scripts> asks for about 120 kB of
 * modules at once, which Lighthouse saw delaying the home page's largest
 * picture by a second or more.
 *
 * Remix renders its scripts with no option for this, so the HTML it streams is
 * edited on the way out: the module preloads and the one module script are
 * given inert types here, and SCRIPTS_AFTER_LOAD (rendered in the document head)
 * brings them back to life once the window has loaded. React does not patch
 * attributes when it hydrates, and extra nodes at the end of <head> and <body>
 * are allowed, so hydration sees the document it expects.
 */
import { Transform } from "node:stream";
import { INERT_MODULE_TYPE, INERT_PRELOAD_REL } from "~/web/scripts-after-load";

/**
 * What React writes for Remix's <Scripts>, and what it becomes. The module
 * script carries the Content-Security-Policy nonce before its type (React
 * writes props in order, and Remix spreads `nonce` first), which is kept.
 * Matched on latin1 text: one character per byte, so byte offsets hold.
 */
const NONCE_MAX = 128;
const REWRITES: ReadonlyArray<readonly [RegExp, string, number]> = [
  [/<link rel="modulepreload"/g, `<link rel="${INERT_PRELOAD_REL}"`, '<link rel="modulepreload"'.length],
  [
    new RegExp(`<script( nonce="[A-Za-z0-9+/=_-]{1,${NONCE_MAX}}")? type="module"`, "g"),
    `<script$1 type="${INERT_MODULE_TYPE}"`,
    `<script nonce="" type="module"`.length + NONCE_MAX,
  ],
];

/** A match can straddle two chunks; this many bytes wait for the next one. */
const HOLD_BACK = Math.max(...REWRITES.map(([, , longest]) => longest)) - 1;

export function scriptsAfterLoad(): Transform {
  let pending: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const text = rewrite(Buffer.concat([pending, chunk]));
      const ready = Math.max(0, text.length - HOLD_BACK);
      pending = text.subarray(ready);
      callback(null, text.subarray(0, ready));
    },
    flush(callback) {
      callback(null, pending);
    },
  });
}

function rewrite(html: Buffer): Buffer {
  let text = html.toString("latin1");
  let changed = false;
  for (const [pattern, replacement] of REWRITES) {
    const next = text.replace(pattern, replacement);
    changed ||= next !== text;
    text = next;
  }
  return changed ? Buffer.from(text, "latin1") : html;
}

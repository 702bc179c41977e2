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

/** What React writes for Remix's <Scripts>, and what it becomes. */
const REWRITES: ReadonlyArray<readonly [Buffer, Buffer]> = [
  ['<link rel="modulepreload"', `<link rel="${INERT_PRELOAD_REL}"`],
  ['<script type="module"', `<script type="${INERT_MODULE_TYPE}"`],
].map(([from, to]) => [Buffer.from(from), Buffer.from(to)] as const);

/** A match can straddle two chunks; this many bytes wait for the next one. */
const HOLD_BACK = Math.max(...REWRITES.map(([from]) => from.length)) - 1;

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
  let out = html;
  for (const [from, to] of REWRITES) {
    const parts: Buffer[] = [];
    let start = 0;
    for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, start)) {
      parts.push(out.subarray(start, at), to);
      start = at + from.length;
    }
    if (start > 0) out = Buffer.concat([...parts, out.subarray(start)]);
  }
  return out;
}

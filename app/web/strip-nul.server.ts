/**
 * React 18's streaming renderer encodes HTML into a reused 2 KB buffer and
 * flushes the whole buffer even when the last multi-byte character did not
 * fit, so the unwritten tail leaks out as NUL bytes (facebook/react#26228,
 * fixed only in React 19). Thai is three bytes a character, so almost every
 * Thai page is hit somewhere. A chunk's trailing NULs are never real content
 * (HTML has no use for NUL), so they are dropped here.
 */
import { Transform } from "node:stream";

/** At most three bytes of a four-byte UTF-8 character can be left unwritten. */
const MAX_UNWRITTEN = 3;

export function stripTrailingNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk.length - end < MAX_UNWRITTEN && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

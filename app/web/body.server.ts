/**
 * Reads a posted form with a size cap, before anything else looks at it.
 * `request.formData()` reads the whole body into memory first, whatever its
 * size, so eight parallel 50 MB posts to the sign-in page took 550 MB before
 * the CSRF check could refuse them. Here the declared length is checked first
 * and the body is counted as it streams in, and reading stops at the cap.
 * (Express refuses a declared length over the cap even earlier, see
 * request-guard.server.ts; this also covers chunked bodies, which declare none.)
 * Photo uploads are multipart and read by multipart.server.ts, with its own cap.
 */
import { refusal } from "./http.server";

export const FORM_MAX_BYTES = 64 * 1024;
export const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * How long the rest of a refused body is read and dropped. Closing the
 * connection at once would reset it under a client that is still sending, and
 * the client would never read the 413 (as nginx's "lingering close" avoids); a
 * client still sending after this is cut off.
 */
export const LINGER_MS = 5_000;

/** The media type of a Content-Type header, without parameters, lower-cased ("" when absent). */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The form of a POST sent as `application/x-www-form-urlencoded` (what every
 * non-upload form here sends, with or without JavaScript). Throws a 4xx
 * Response for anything else: 405 for another method, 415 for another body
 * type, 413 past `maxBytes`, 400 for a NUL character in a field (no field has
 * a use for one, and PostgreSQL refuses to store it).
 */
export async function readForm(request: Request, { maxBytes = FORM_MAX_BYTES }: { maxBytes?: number } = {}): Promise<FormData> {
  if (request.method !== "POST") throw refusal(request, 405, "only POST is accepted", { Allow: "POST" });
  const type = mediaType(request.headers.get("Content-Type"));
  if (type !== FORM_TYPE) throw refusal(request, 415, `form body expected, got ${JSON.stringify(type.slice(0, 80))}`);
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes) throw refusal(request, 413, `form body of ${declared} bytes is over ${maxBytes}`);

  const text = new TextDecoder().decode(await readCapped(request, maxBytes));
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) {
    if (name.includes("\u0000") || value.includes("\u0000")) throw refusal(request, 400, "NUL character in a form field");
    form.append(name, value);
  }
  return form;
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      discardRest(reader);
      throw refusal(request, 413, `form body over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads and drops the rest of a refused body, for at most LINGER_MS (see there). */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>) {
  // Cancelling destroys the connection: that is the cut-off.
  const cutOff = setTimeout(() => void reader.cancel().catch(() => {}), LINGER_MS);
  cutOff.unref();
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // The client went away: nothing to drop.
    } finally {
      clearTimeout(cutOff);
    }
  })();
}

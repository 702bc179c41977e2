/**
 * Reads a multipart form with one file field, streaming, with a size cap. A
 * file over the cap is not kept (nothing past the cap is buffered) but the rest
 * of the body is still read, up to a hard limit, so the form's other fields
 * (CSRF token, which product) arrive and the page can answer with a field
 * error next to the right form instead of failing the request.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

const TEXT_FIELD_MAX = 4 * 1024;

export interface FileUpload {
  form: FormData;
  /** The file's bytes; null when none was chosen or it was over the cap. */
  file: Buffer | null;
  /** The name the browser gave the file (shown back to people; never trusted for its type). */
  fileName: string | null;
  tooLarge: boolean;
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** Past this, the client is not a person choosing a photo: stop reading. */
export function uploadHardLimit(maxFileBytes: number): number {
  return maxFileBytes * 4 + 1024 * 1024;
}

export async function parseFileUpload(request: Request, options: { field: string; maxBytes: number }): Promise<FileUpload> {
  const hardLimit = uploadHardLimit(options.maxBytes);
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > hardLimit) throw new Response("Upload too large", { status: 413 });

  let file: Buffer | null = null;
  let fileName: string | null = null;
  let tooLarge = false;
  let received = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const isFile = name === options.field && filename !== undefined;
    const cap = isFile ? options.maxBytes : TEXT_FIELD_MAX;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      received += chunk.byteLength;
      if (received > hardLimit) throw new Response("Upload too large", { status: 413 });
      size += chunk.byteLength;
      if (size <= cap) chunks.push(chunk);
    }
    if (size > cap) {
      if (isFile) tooLarge = true;
      return null;
    }
    const bytes = Buffer.concat(chunks);
    if (isFile) {
      file = bytes.length > 0 ? bytes : null;
      fileName = filename ?? null;
      return null;
    }
    return bytes.toString("utf8");
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  return { form, file, fileName, tooLarge };
}

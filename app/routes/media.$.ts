/**
 * Image files from local media storage (/media/<key>). Keys are content
 * hashes, so a file never changes: browsers and proxies may keep it a year.
 * With S3 storage configured, pages link to the bucket directly; old links
 * that still reach here are sent there.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { isValidKey, mediaStorage } from "~/modules/media/storage.server";
import { contentTypeOf, imageFormats, type ImageFormat } from "~/modules/media/variants";
import { notFound } from "~/web/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const key = params["*"] ?? "";
  const extension = key.slice(key.lastIndexOf(".") + 1) as ImageFormat;
  if (!isValidKey(key) || !imageFormats.includes(extension)) throw notFound();
  const storage = mediaStorage();
  if (config().S3_BUCKET) throw redirect(storage.publicUrl(key), 301);
  const body = await storage.get(key);
  if (!body) throw notFound();
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), {
    headers: {
      "Content-Type": contentTypeOf[extension],
      "Content-Length": String(body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

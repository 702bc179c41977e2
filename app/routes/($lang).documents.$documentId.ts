/**
 * A group's private document (a certificate it uploaded), for its own members and staff only;
 * anyone else gets 404, as if it did not exist. Never cached by a shared cache, and served with
 * the type its bytes were found to be, so a browser never guesses it into something else.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotInGroupError } from "~/modules/groups/errors";
import { openDocument } from "~/modules/groups/documents.server";
import { requireUser } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await requireUser(request);
  const documentId = params.documentId ?? "";
  if (!/^[a-z0-9]{1,40}$/.test(documentId)) throw notFound("No such document");
  try {
    const document = await openDocument({ documentId, viewer: user });
    return new Response(new Uint8Array(document.body.buffer as ArrayBuffer, document.body.byteOffset, document.body.length), {
      headers: {
        "Content-Type": document.contentType,
        "Content-Length": String(document.body.length),
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        ...(document.contentType.startsWith("image/") ? { "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" } : {}),
      },
    });
  } catch (error) {
    if (error instanceof NotInGroupError) throw notFound("No such document");
    throw error;
  }
}

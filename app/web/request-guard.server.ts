/**
 * Refuses, at the Express level and before any body is read, requests that
 * the store's pages never make but an attacker's script can: other methods
 * (TRACE, PUT, DELETE, OPTIONS … get 405), a POST from another site (403, by
 * its Origin header, or Sec-Fetch-Site when it sends none), a POST body that is
 * not a form (415) or declares more bytes than any form here takes (413,
 * unread), a Host header that is not a host name and a path with broken
 * percent-encoding or NUL (400). Each gets one log line, no stack.
 *
 * Without this they reached Remix and the Fetch API and failed there as 500s
 * with stack traces: undici's Request refuses TRACE outright,
 * `request.formData()` throws a TypeError for JSON or text/plain, Remix's own
 * origin check throws a plain Error, `new URL` throws on a bad Host, and
 * Express's router logs a stack for a path it cannot decode.
 *
 * "This site's origin" is the request's own scheme and host (believing
 * X-Forwarded-Proto and X-Forwarded-Host only from a trusted proxy, see
 * TRUST_PROXY) or PUBLIC_URL.
 */
import type { Request as ExpressRequest, RequestHandler } from "express";
import type { Config } from "~/config.server";
import { FORM_MAX_BYTES, FORM_TYPE, LINGER_MS, mediaType } from "./body.server";
import { logRefusal } from "./http.server";
import { uploadHardLimit } from "./multipart.server";

export const ALLOWED_METHODS = "GET, HEAD, POST";
const METHODS = new Set(ALLOWED_METHODS.split(", "));
const MULTIPART = "multipart/form-data";

export type RequestGuardSettings = Pick<Config, "PUBLIC_URL" | "MEDIA_MAX_UPLOAD_MB">;

/** A host name or address with an optional port; anything else would break `new URL`. */
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function fromTrustedProxy(req: ExpressRequest): boolean {
  const trust = req.app.get("trust proxy fn") as ((address: string | undefined, hop: number) => boolean) | undefined;
  return Boolean(trust?.(req.socket.remoteAddress, 0));
}

/** The origin this request was made to, as the browser saw it. */
function ownOrigin(req: ExpressRequest): string | null {
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  if (!host) return null;
  try {
    return new URL(`${req.protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

export function requestGuard(settings: RequestGuardSettings): RequestHandler {
  const publicOrigin = settings.PUBLIC_URL ? new URL(settings.PUBLIC_URL).origin : null;
  const uploadMaxBytes = uploadHardLimit(settings.MEDIA_MAX_UPLOAD_MB * 1024 * 1024);

  return (req, res, next) => {
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      logRefusal(status, req.method, req.path, reason);
      res.status(status).set(headers).type("text/plain").send(reason);
    };

    if (!METHODS.has(req.method)) return refuse(405, "method not allowed", { Allow: ALLOWED_METHODS });

    // Forwarded headers from a client that is not our proxy are the client's inventions: drop
    // them, so nothing further on (Remix builds the request URL and checks origins with them) reads them.
    if (!fromTrustedProxy(req)) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host") || "";
    if (!HOST.test(host)) return refuse(400, "bad Host header");
    try {
      decodeURIComponent(req.path);
    } catch {
      return refuse(400, "malformed percent-encoding in the path");
    }
    if (/%00/.test(req.originalUrl)) return refuse(400, "NUL in the URL");

    if (req.method !== "POST") return next();

    const origin = req.get("origin");
    if (origin !== undefined) {
      const from = originOf(origin);
      if (!from || (from !== ownOrigin(req) && from !== publicOrigin)) return refuse(403, `cross-origin POST from ${JSON.stringify(origin.slice(0, 100))}`);
      // Checked here with the trusted proxy and PUBLIC_URL in mind. Remix checks the Origin of
      // actions again against the Host header alone and throws a plain Error (a 500) when a proxy
      // or PUBLIC_URL makes them differ; with the header gone it has nothing to misjudge.
      delete req.headers.origin;
    } else if (req.get("sec-fetch-site") === "cross-site") {
      return refuse(403, "cross-site POST");
    }

    const type = mediaType(req.get("content-type"));
    if (type !== FORM_TYPE && type !== MULTIPART) return refuse(415, `form body expected, got ${JSON.stringify(type.slice(0, 80))}`);
    const cap = type === MULTIPART ? uploadMaxBytes : FORM_MAX_BYTES;
    const declared = Number(req.get("content-length") ?? 0);
    if (declared > cap) {
      // Refused before reading: the body is never parsed or kept, only dropped as it arrives
      // for a few seconds (see LINGER_MS) so that the client, still sending, reads this answer.
      const cutOff = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
      req.once("end", () => clearTimeout(cutOff)).once("close", () => clearTimeout(cutOff));
      req.resume();
      return refuse(413, `body of ${declared} bytes is over ${cap}`);
    }
    next();
  };
}

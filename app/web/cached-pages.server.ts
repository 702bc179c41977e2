/**
 * The Express side of the page cache: answers shareable requests from memory,
 * and renders the rest through Remix, keeping what may be shared. Everything
 * that is not a cacheable request goes on to the normal Remix handler.
 * A kept page is sent with the Content-Security-Policy nonce it was rendered
 * with: its inline scripts carry that one, not the nonce of the request that
 * gets it from the cache.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { loadContextOf } from "~/load-context";
import { isShareable, pageCacheKey, type CachedPage, type PageCache } from "./page-cache.server";
import { applyCspNonce } from "./security-headers.server";

type FetchHandler = (request: Request, context: AppLoadContext) => Promise<Response>;

function cookiesOf(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}

function send(req: ExpressRequest, res: ExpressResponse, cache: PageCache, entry: CachedPage, state: "hit" | "miss") {
  res.status(entry.status);
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  if (entry.nonce) applyCspNonce(res, entry.nonce);
  res.setHeader("X-Page-Cache", state);
  res.setHeader("Vary", "Cookie, Accept-Encoding");
  // Compressed once per cached page rather than once per request.
  if (req.acceptsEncodings("gzip") === "gzip") {
    res.setHeader("Content-Encoding", "gzip");
    res.end(cache.gzipOf(entry));
  } else {
    res.end(entry.body);
  }
}

export function cachedPages(cache: PageCache, handle: FetchHandler) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const queryAt = req.originalUrl.indexOf("?");
    const key = pageCacheKey({
      method: req.method,
      host: req.get("host") ?? "",
      path: req.path,
      search: queryAt === -1 ? "" : req.originalUrl.slice(queryAt),
      cookies: cookiesOf(req.headers.cookie),
    });
    if (!key) return next();
    const hit = cache.get(key);
    if (hit) return send(req, res, cache, hit, "hit");
    const renderedAt = cache.generation;
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) headers.set(name, value.join(", "));
      }
      // Render uncompressed; the cache compresses once for everyone.
      headers.delete("accept-encoding");
      const url = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
      const context = loadContextOf(req, res);
      const response = await handle(new Request(url, { method: "GET", headers }), context);
      const body = Buffer.from(await response.arrayBuffer());
      const entryHeaders = [...response.headers].filter(([name]) => !["content-length", "content-encoding", "transfer-encoding"].includes(name));
      const entry: CachedPage = { status: response.status, headers: entryHeaders, body, nonce: context.cspNonce, expiresAt: 0 };
      if (isShareable(response.status, response.headers)) cache.set(key, entry, renderedAt);
      send(req, res, cache, entry, "miss");
    } catch (error) {
      next(error);
    }
  };
}

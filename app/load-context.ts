/** What the server entry passes to every loader and action, and the one place it is made. */
import type { AppLoadContext } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { cspNonceOf } from "~/web/security-headers.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as seen by the server (after trusted proxies). */
    clientAddress: string;
    /**
     * The Content-Security-Policy nonce of this response (app/web/security-headers.server.ts),
     * for the document's inline scripts and styles. Absent outside a real server (tests).
     */
    cspNonce?: string;
  }
}

export function loadContextOf(req: ExpressRequest, res: ExpressResponse): AppLoadContext {
  return { clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: cspNonceOf(res) };
}

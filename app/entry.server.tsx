/**
 * Server rendering. Bots and crawlers get the whole document at once (good for
 * link previews on LINE and Facebook); browsers get it streamed. Errors are
 * logged here and never sent to the browser as stack traces. The response's
 * Content-Security-Policy nonce (from the load context) goes to React's own
 * inline scripts and, through NonceProvider, to the document's.
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { config } from "~/config.server";
import { logRefusal } from "~/web/http.server";
import { scriptsAfterLoad } from "~/web/scripts-after-load.server";
import { stripTrailingNulBytes } from "~/web/strip-nul.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  const nonce = loadContext.cspNonce ?? "";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce || undefined} />
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          // NULs are stripped first: that fix relies on React's own chunk edges.
          const clean = stripTrailingNulBytes();
          // In development the scripts start at once, so Vite's hot reload and React's
          // hydration warnings behave as they always do.
          if (config().NODE_ENV === "production") clean.pipe(scriptsAfterLoad()).pipe(body);
          else clean.pipe(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(clean);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  // Remix's own refusals (a POST to a page without an action, an unknown method) are the
  // client's doing, not a failure: one line, no stack.
  if (isRouteErrorResponse(error) && error.status < 500) {
    return logRefusal(error.status, request.method, path, typeof error.data === "string" ? error.data : error.statusText);
  }
  console.error(`Error handling ${request.method} ${path}:`, error);
};

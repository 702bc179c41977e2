/**
 * Server rendering. Bots and crawlers get the whole document at once (good for
 * link previews on LINE and Facebook); browsers get it streamed. Errors are
 * logged here and never sent to the browser as stack traces.
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { config } from "~/config.server";
import { scriptsAfterLoad } from "~/web/scripts-after-load.server";
import { stripTrailingNulBytes } from "~/web/strip-nul.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
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
  console.error(`Error handling ${request.method} ${new URL(request.url).pathname}:`, error);
};

import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { NonceProvider } from "~/components/nonce";
import { loadDictionary } from "~/i18n/dictionaries.client";
import { langOfPath } from "~/i18n/use-lang";

// The page's own language only (the other is fetched if the buyer switches), and the page's data
// decoded, before hydrating: the first render in the browser matches the server's and never waits.
void Promise.all([loadDictionary(langOfPath(window.location.pathname)), pageDataDecoded()]).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <NonceProvider value="">
          <RemixBrowser />
        </NonceProvider>
      </StrictMode>,
    );
  }),
);

/**
 * Remix decodes the page's data (single fetch) in RemixBrowser's first render, and suspends the
 * whole document until that is done. A tap or keystroke before that render makes React hydrate
 * at once, synchronously, and a synchronous render cannot wait: React 18 gives up ("Root did not
 * complete") and the page never hydrates. So the decoding is started, and awaited, before
 * hydrating. RemixBrowser throws its decoding promise before its first hook, so calling it here
 * runs no hook outside React; the promise settles either way (Remix keeps a decoding error for
 * the render to throw).
 */
async function pageDataDecoded(): Promise<void> {
  if (!window.__remixContext.future.v3_singleFetch || !window.__remixContext.stream) return;
  try {
    RemixBrowser({});
  } catch (thrown) {
    if (thrown instanceof Promise) await thrown;
  }
}

import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { NonceProvider } from "~/components/nonce";
import { loadDictionary } from "~/i18n/dictionaries.client";
import { langOfPath } from "~/i18n/use-lang";

// The page's own language only (the other is fetched if the buyer switches), before hydrating so
// the first render in the browser matches the server's.
void loadDictionary(langOfPath(window.location.pathname)).then(() =>
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

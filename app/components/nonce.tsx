/**
 * The Content-Security-Policy nonce for the document's inline <script> and
 * <style> elements (see app/web/security-headers.server.ts). The server
 * provides each response's own; the browser provides "": it hides nonces from
 * the DOM once the page is parsed, and hydration does not patch attributes.
 */
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}

/**
 * Run before any module (inlined in the head): zod, bundled for the search
 * page's query parsing, probes `new Function` when a module builds its first
 * object schema, to pick a faster parser. The policy forbids eval, so the probe
 * fails (zod works without it) but is reported as a violation in every
 * visitor's console. zod reads this global for its settings.
 */
export const NO_EVAL_PROBES = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

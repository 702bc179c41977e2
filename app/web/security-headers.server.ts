/**
 * Security headers on every response, set by one Express middleware.
 *
 * The Content-Security-Policy allows only what the pages use: their own
 * scripts, styles, fonts and images, plus the inline <script> and <style>
 * elements the document renders, which carry a nonce made fresh for each
 * request. An injected <script> without it does not run. The nonce reaches
 * Remix through the load context (app/load-context.ts) and the React tree
 * through NonceProvider (app/components/nonce.tsx). A page from the page cache
 * is sent with the nonce it was rendered with (see `applyCspNonce`).
 *
 * With Omise's keys set, Omise.js (cdn.omise.co) may run and reach Omise's card vault, so card
 * numbers go from the buyer's browser to Omise and never to this store.
 *
 * Framing is refused (`frame-ancestors 'none'`, and X-Frame-Options for older
 * browsers), so no other site can lay the sign-in page under a decoy
 * (clickjacking). In development, Vite's dev server injects styles and keeps a
 * websocket open for hot reload; the policy allows those there only.
 */
import crypto from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { Config } from "~/config.server";

export type SecurityHeaderSettings = Pick<Config, "NODE_ENV" | "S3_PUBLIC_URL"> & Partial<Pick<Config, "OMISE_PUBLIC_KEY" | "STRIPE_SECRET_KEY">>;

export function contentSecurityPolicy(nonce: string, settings: SecurityHeaderSettings): string {
  const development = settings.NODE_ENV !== "production";
  const images = ["'self'", "data:", ...(settings.S3_PUBLIC_URL ? [new URL(settings.S3_PUBLIC_URL).origin] : [])];
  const omise = Boolean(settings.OMISE_PUBLIC_KEY);
  const connect = development ? "connect-src 'self' ws: wss:" : "connect-src 'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${omise ? " https://cdn.omise.co" : ""}`,
    // A nonce would make browsers ignore 'unsafe-inline', which Vite's injected dev styles need.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    `img-src ${images.join(" ")}`,
    "font-src 'self'",
    omise ? `${connect} https://vault.omise.co` : connect,
    ...(omise ? ["frame-src https://vault.omise.co"] : []),
    "object-src 'none'",
    "base-uri 'none'",
    // A form posted without JavaScript may be redirected on to the payment provider (Omise's 3-D
    // Secure, PromptPay and banking-app pages; Stripe Checkout and Connect onboarding): browsers
    // hold such redirects to form-action too.
    `form-action 'self'${omise ? " https://api.omise.co https://pay.omise.co" : ""}${settings.STRIPE_SECRET_KEY ? " https://checkout.stripe.com https://connect.stripe.com" : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (base64url: valid in a CSP source and in an HTML attribute as is). */
export function newNonce(): string {
  return crypto.randomBytes(18).toString("base64url");
}

export function securityHeaders(settings: SecurityHeaderSettings): RequestHandler {
  const production = settings.NODE_ENV === "production";
  return (_req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.locals.cspPolicy = (other: string) => contentSecurityPolicy(other, settings);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, settings));
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    // Only where HTTPS is expected: a development store on plain HTTP must stay reachable.
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/** The nonce the page of this response is rendered with. */
export function cspNonceOf(res: Response): string | undefined {
  return res.locals.cspNonce as string | undefined;
}

/**
 * Sends this response with another nonce: a page served from the page cache
 * carries the nonce it was rendered with, and its scripts would be blocked
 * under this request's own.
 */
export function applyCspNonce(res: Response, nonce: string) {
  const policy = res.locals.cspPolicy as ((nonce: string) => string) | undefined;
  if (!policy) return;
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", policy(nonce));
}

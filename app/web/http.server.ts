/** Small HTTP helpers shared by routes. */

export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404 });
}

/**
 * Only same-site paths are allowed as redirect targets after sign-in: an
 * attacker's link with ?redirectTo=https://evil.example would otherwise send a
 * freshly signed-in user to a phishing page (open redirect).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

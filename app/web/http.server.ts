/** Small HTTP helpers shared by routes: 404s, refusals of odd requests, safe redirects. */

export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404 });
}

/** Control characters (C0, DEL, C1) and every kind of whitespace: log lines and redirect targets refuse them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f-\u009f\s]/u;

/**
 * Refuses a request a browser using our pages would not send: a one-line log
 * (status, method, path, reason; no stack, since nothing broke) and a short
 * plain-text response to throw from a loader or action.
 */
export function refusal(request: Request, status: number, reason: string, headers?: HeadersInit): Response {
  logRefusal(status, request.method, new URL(request.url).pathname, reason);
  return new Response(reason, { status, headers });
}

export function logRefusal(status: number, method: string, path: string, reason: string) {
  // Paths are the client's text: control characters would let it forge log lines.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").slice(0, 300);
  console.warn(`${status} ${clean(method)} ${clean(path)}: ${reason}`);
}

// Only the origin matters: a target that a browser would read as another site
// resolves to another origin against this stand-in for ours as well.
const SELF = new URL("http://self.invalid");

/**
 * The same-site path a redirect may go to, or null. An attacker's link with
 * ?redirectTo=… must never send a freshly signed-in user to another site (open
 * redirect), and browsers are lenient readers: they strip tabs and newlines
 * from URLs ("/\t/evil.example" becomes "//evil.example", another host), read
 * "\" as "/", and some servers decode "%2F" before redirecting again. So the
 * target is refused if it holds any control or whitespace character or a
 * backslash, raw or percent-decoded, if it decodes to something starting "//",
 * or if it resolves to another origin; what is returned is only its path,
 * query and fragment.
 */
export function redirectTarget(to: unknown): string | null {
  if (typeof to !== "string" || to === "" || to.length > 2048) return null;
  let decoded = to;
  try {
    // Twice: "%252F" is "%2F" after one decoding, "/" after another.
    for (let round = 0; round < 2; round++) decoded = decodeURIComponent(decoded);
  } catch {
    return null;
  }
  for (const text of [to, decoded]) {
    if (CONTROL_OR_SPACE.test(text) || text.includes("\\")) return null;
    if (!text.startsWith("/") || text.startsWith("//")) return null;
  }
  const url = new URL(to, SELF);
  if (url.origin !== SELF.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `redirectTarget(to)`, or `fallback` when there is none or it is not safe. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return redirectTarget(to) ?? fallback;
}

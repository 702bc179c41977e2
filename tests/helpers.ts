/** Helpers for integration tests: requests as a signed-in user, with a valid CSRF token. */
import { startSession } from "~/modules/accounts/accounts.server";
import { db } from "~/db/client.server";
import { csrfToken } from "~/web/csrf.server";
import { commitSessionCookie } from "~/web/session.server";

export async function userByEmail(email: string) {
  return db().user.findUniqueOrThrow({ where: { email } });
}

/** The `name=value` part of a Set-Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

/**
 * Cookies of a browser signed in as `email` (or signed out, for null) and the
 * CSRF token its pages would carry: the token is bound to the session, so the
 * session comes first.
 */
export async function cookiesFor(email: string | null) {
  const parts: string[] = [];
  if (email) {
    const user = await userByEmail(email);
    const session = await startSession(user.id);
    parts.push(cookiePair(await commitSessionCookie(new Request("http://test.local/"), session.id)));
  }
  const csrf = await csrfToken(new Request("http://test.local/", { headers: { Cookie: parts.join("; ") } }));
  if (csrf.setCookie) parts.push(cookiePair(csrf.setCookie));
  return { cookie: parts.join("; "), csrf: csrf.token };
}

export async function requestAs(email: string | null, url: string, init: { form?: Record<string, string> } = {}) {
  const { cookie, csrf } = await cookiesFor(email);
  if (!init.form) return new Request(url, { headers: { Cookie: cookie } });
  const body = new URLSearchParams({ csrf, ...init.form });
  return new Request(url, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** Helpers for integration tests: requests as a signed-in user, with a valid CSRF token. */
import { startSession } from "~/modules/accounts/accounts.server";
import { db } from "~/db/client.server";
import { csrfToken } from "~/web/csrf.server";
import { commitSessionCookie } from "~/web/session.server";

export async function userByEmail(email: string) {
  return db().user.findUniqueOrThrow({ where: { email } });
}

export async function cookiesFor(email: string | null) {
  const parts: string[] = [];
  const csrf = await csrfToken(new Request("http://test.local/"));
  parts.push(csrf.setCookie!.split(";")[0]);
  if (email) {
    const user = await userByEmail(email);
    const session = await startSession(user.id);
    parts.push((await commitSessionCookie(session.id)).split(";")[0]);
  }
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

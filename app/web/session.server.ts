/**
 * The session cookie: it carries only a signed session id; the session itself
 * (and so sign-out everywhere) lives in the database.
 */
import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";
import { SESSION_DAYS, userForSession } from "~/modules/accounts/accounts.server";
import { sessionSecret } from "./secrets.server";

let cookie: ReturnType<typeof createCookie> | undefined;

function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().NODE_ENV === "production",
    path: "/",
    secrets: [sessionSecret()],
    maxAge: SESSION_DAYS * 86_400,
  });
  return cookie;
}

export async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : undefined;
}

export async function getUser(request: Request) {
  const sessionId = await sessionIdFrom(request);
  return sessionId ? userForSession(sessionId) : null;
}

export function commitSessionCookie(sessionId: string): Promise<string> {
  return sessionCookie().serialize(sessionId);
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

/**
 * The session cookie: it carries only a signed session id; the session itself
 * (and so sign-out everywhere) lives in the database.
 */
import { createCookie } from "@remix-run/node";
import { SESSION_DAYS, userForSession } from "~/modules/accounts/accounts.server";
import { cookiePerScheme } from "./cookie-security.server";
import { sessionSecret } from "./secrets.server";

const sessionCookie = cookiePerScheme((secure) =>
  createCookie("__session", { httpOnly: true, sameSite: "lax", secure, path: "/", secrets: [sessionSecret()], maxAge: SESSION_DAYS * 86_400 }),
);

export async function sessionIdFrom(request: Request): Promise<string | undefined> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : undefined;
}

export async function getUser(request: Request) {
  const sessionId = await sessionIdFrom(request);
  return sessionId ? userForSession(sessionId) : null;
}

export function commitSessionCookie(request: Request, sessionId: string): Promise<string> {
  return sessionCookie(request).serialize(sessionId);
}

export function clearSessionCookie(request: Request): Promise<string> {
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

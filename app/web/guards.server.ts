/**
 * Guards for loaders and actions. Each throws an HTTP response: a page asked for by someone not
 * signed in redirects to sign-in and comes back afterwards (redirectTo); any other request gets
 * 401; a signed-in user who may not gets 403. A page's error boundary shows those in the user's
 * language; a resource route (a CSV, a packing slip) has none, so the refusal's own text is in
 * the language of the address asked for too.
 */
import { redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { GroupRole } from "~/generated/prisma/enums";
import { href, translator } from "~/i18n/i18n";
import { langOfPath } from "~/i18n/use-lang";
import { hasGroupRole } from "~/modules/accounts/permissions";
import { groupBySlug } from "~/modules/groups/groups.server";
import { notFound } from "./http.server";
import { requireLang } from "./lang.server";
import { slugParam } from "./params";
import { getUser } from "./session.server";

/**
 * Where sign-in should send the user back to: the page they asked for. Remix data requests
 * (`/x.data?_route=…`) are turned back into the page's own path.
 */
export function returnPath(request: Request): string {
  const url = new URL(request.url);
  const path = url.pathname.endsWith(".data") ? url.pathname.slice(0, -".data".length) || "/" : url.pathname;
  url.searchParams.delete("_route");
  const search = url.searchParams.toString();
  return `${path === "/_root" ? "/" : path}${search ? `?${search}` : ""}`;
}

/** A refusal as plain text in the language of the address asked for. */
function refused(request: Request, status: 401 | 403): Response {
  const t = translator(langOfPath(new URL(request.url).pathname));
  return new Response(t(status === 401 ? "errors.signInText" : "errors.forbiddenText"), { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function requireUser(request: Request) {
  const user = await getUser(request);
  if (user) return user;
  if (request.method === "GET" || request.method === "HEAD") {
    const back = returnPath(request);
    throw redirect(`${href(langOfPath(back), "/signin")}?redirectTo=${encodeURIComponent(back)}`);
  }
  throw refused(request, 401);
}

export async function requireGroupRole(request: Request, groupId: string, role: GroupRole) {
  const user = await requireUser(request);
  if (!hasGroupRole(user.memberships, groupId, role)) throw refused(request, 403);
  return user;
}

export async function requireStaff(request: Request) {
  const user = await requireUser(request);
  if (user.role !== "STAFF") throw refused(request, 403);
  return user;
}

/**
 * The group of a workspace URL (`/groups/:slug/manage/…`) and its signed-in member with at least
 * `role`. An unknown slug is a 404 for everyone; a known group is 403 for anyone not in it, so a
 * stranger learns nothing more than the public group page already says.
 */
export async function requireWorkspace(request: Request, params: Params, role: GroupRole) {
  const lang = requireLang(params);
  const slug = slugParam(params.slug);
  const group = slug ? await groupBySlug(slug) : null;
  if (!group) throw notFound("No such group");
  const user = await requireGroupRole(request, group.id, role);
  const membership = user.memberships.find((m) => m.groupId === group.id);
  return { lang, group, user, role: membership?.role ?? role };
}

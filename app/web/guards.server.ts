/**
 * Guards for loaders and actions. Each throws an HTTP response (401 when no one
 * is signed in, 403 when the signed-in user may not), which the route's error
 * boundary shows in the user's language.
 */
import type { GroupRole } from "~/generated/prisma/enums";
import { hasGroupRole } from "~/modules/accounts/permissions";
import { getUser } from "./session.server";

export async function requireUser(request: Request) {
  const user = await getUser(request);
  if (!user) throw new Response("Sign-in required", { status: 401 });
  return user;
}

export async function requireGroupRole(request: Request, groupId: string, role: GroupRole) {
  const user = await requireUser(request);
  if (!hasGroupRole(user.memberships, groupId, role)) throw new Response("Not a member of this group", { status: 403 });
  return user;
}

export async function requireStaff(request: Request) {
  const user = await requireUser(request);
  if (user.role !== "STAFF") throw new Response("Staff only", { status: 403 });
  return user;
}

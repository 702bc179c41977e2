/**
 * The "stop following" link in every new-product email: it must work in one click from the
 * message, signed in or not, so it carries who and which group, signed with the store's secret.
 * Nothing is stored; a forged or altered token fails the HMAC. It never expires (an old email's
 * link should still work) and grants nothing but ending that one follow.
 */
import crypto from "node:crypto";
import { serverSecret } from "~/lib/secret.server";

export interface UnfollowGrant {
  userId: string;
  groupId: string;
}

const ID = /^[A-Za-z0-9_-]{1,40}$/;

function mac(body: string): string {
  return crypto.createHmac("sha256", serverSecret()).update(`unfollow\u0000${body}`).digest("base64url");
}

export function unfollowToken({ userId, groupId }: UnfollowGrant): string {
  const body = `${userId}.${groupId}`;
  return `${body}.${mac(body)}`;
}

/** The grant a token carries, or null when it is malformed or not signed by this store. */
export function readUnfollowToken(token: unknown): UnfollowGrant | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [userId, groupId, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !userId || !groupId || !signature || !ID.test(userId) || !ID.test(groupId)) return null;
  const expected = Buffer.from(mac(`${userId}.${groupId}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { userId, groupId };
}

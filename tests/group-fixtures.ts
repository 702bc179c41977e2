/**
 * Fixtures for the groups' tests: fresh users and groups made through Prisma (never the demo
 * rows other files read), and a way to call a route's loader or action as a signed-in person and
 * read what it answered: a status, its data, where it redirects.
 */
import crypto from "node:crypto";
import { db } from "~/db/client.server";
import type { GroupRole, VerificationStatus } from "~/generated/prisma/enums";
import { cookiesFor } from "./helpers";

export const context = { clientAddress: "127.0.0.1" };

export async function newUser(name = "ทดสอบ", options: { role?: "CONSUMER" | "STAFF"; phone?: string; locale?: "th" | "en" } = {}) {
  const email = `${crypto.randomBytes(6).toString("hex")}@test.sammachip.test`;
  return db().user.create({ data: { email, name, passwordHash: "not-a-real-hash", role: options.role ?? "CONSUMER", phone: options.phone, locale: options.locale ?? "th" } });
}

/** A group of the given status in Khon Kaen, with `owner` as its owner. */
export async function newGroup(ownerId: string, status: VerificationStatus = "VERIFIED", extra: { role?: GroupRole } = {}) {
  const province = await db().province.findFirstOrThrow({ where: { nameTh: "ขอนแก่น" } });
  const slug = `test-group-${crypto.randomBytes(4).toString("hex")}`;
  return db().occupationGroup.create({
    data: {
      slug,
      nameTh: "กลุ่มทดสอบ",
      nameEn: "Test group",
      storyTh: "เรื่องราว",
      storyEn: "Story",
      villageTh: "บ้านทดสอบ",
      villageEn: "Ban Test",
      tambonTh: "ดูนสาด",
      amphoeTh: "กระนวน",
      provinceId: province.id,
      foundedYear: 2003,
      memberCount: 12,
      communitySage: "ยายทดสอบ",
      verificationStatus: status,
      verifiedAt: status === "VERIFIED" ? new Date() : null,
      payoutVerifiedAt: status === "VERIFIED" ? new Date() : null,
      promptPayId: "0812345678",
      memberships: { create: { userId: ownerId, role: extra.role ?? "OWNER" } },
    },
  });
}

export interface Answer {
  status: number;
  /** The action's data when it answered with data. */
  data: Record<string, unknown> | null;
  location: string | null;
}

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

async function answerOf(work: Promise<unknown>): Promise<Answer> {
  let result: unknown;
  try {
    result = await work;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, data: null, location: result.headers.get("Location") };
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const wrapped = result as { data: Record<string, unknown>; init: { status?: number } | null };
    return { status: wrapped.init?.status ?? 200, data: wrapped.data, location: null };
  }
  return { status: 200, data: result as Record<string, unknown>, location: null };
}

/** Calls a loader as `email` (null: signed out). */
export async function load(handler: Handler, email: string | null, url: string, params: Record<string, string>) {
  const { cookie } = await cookiesFor(email);
  return answerOf(handler({ request: new Request(url, { headers: { Cookie: cookie } }), params, context }));
}

/** Posts a form (urlencoded; repeated keys from arrays) to an action as `email`. */
export async function post(handler: Handler, email: string | null, url: string, params: Record<string, string>, form: Record<string, string | string[]>) {
  const { cookie, csrf } = await cookiesFor(email);
  const body = new URLSearchParams({ csrf });
  for (const [key, value] of Object.entries(form)) for (const each of Array.isArray(value) ? value : [value]) body.append(key, each);
  const request = new Request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
  return answerOf(handler({ request, params, context }));
}

/** Posts a multipart form with one file to an action as `email`. */
export async function upload(
  handler: Handler,
  email: string | null,
  url: string,
  params: Record<string, string>,
  fields: Record<string, string>,
  file: { field: string; bytes: Buffer; name: string; type: string },
) {
  const { cookie, csrf } = await cookiesFor(email);
  const form = new FormData();
  form.set("csrf", csrf);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return answerOf(handler({ request: new Request(url, { method: "POST", headers: { Cookie: cookie }, body: form }), params, context }));
}

/** Field errors of a conform reply in an answer's data. */
export function fieldErrors(answer: Answer): Record<string, string[]> {
  const result = (answer.data?.result ?? {}) as { error?: Record<string, string[]> | null };
  return result.error ?? {};
}

/** Rows that a refused request must leave unchanged. */
export async function counts() {
  const [groups, requests, documents, products, images, memberships, invitations, audits] = await Promise.all([
    db().occupationGroup.count(),
    db().verificationRequest.count(),
    db().groupDocument.count(),
    db().product.count(),
    db().productImage.count(),
    db().groupMembership.count(),
    db().invitation.count(),
    db().auditLog.count(),
  ]);
  return { groups, requests, documents, products, images, memberships, invitations, audits };
}

/**
 * A group's members through its workspace: invitations by email (mailed through the outbox) and
 * by phone (a link to pass on), a link that works once and expires, no second membership, role
 * and committee changes by owners only, and a group that always keeps an owner, even when two
 * owners remove each other at the same moment.
 */
import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { LastOwnerError, NotOwnerError, removeMember } from "~/modules/groups/members.server";
import * as membersRoute from "~/routes/($lang).groups.$slug_.manage.members";
import * as invitationRoute from "~/routes/($lang).invitations.$token";
import { counts, fieldErrors, load, newGroup, newUser, post } from "./group-fixtures";

let owner: Awaited<ReturnType<typeof newUser>>;
let group: { id: string; slug: string };
const url = () => `http://t/groups/${group.slug}/manage/members`;
const membersPost = (email: string, form: Record<string, string>) => post(membersRoute.action, email, url(), { slug: group.slug }, form);
const tokenOf = (link: string) => link.split("/invitations/")[1];
const accept = (email: string | null, token: string) => post(invitationRoute.action, email, `http://t/invitations/${token}`, { token }, { intent: "accept" });
const invitationPage = (email: string | null, token: string) => load(invitationRoute.loader, email, `http://t/invitations/${token}`, { token });

beforeEach(async () => {
  owner = await newUser("เจ้าของ");
  group = await newGroup(owner.id);
});

describe("inviting", () => {
  it("by email mails a link that works once, for the person who opens it", async () => {
    const invited = await membersPost(owner.email, { intent: "invite", email: "New.Member@Example.com", role: "MANAGER", committeeRole: "TREASURER" });
    expect(invited.status).toBe(200);
    const link = (invited.data!.invited as { link: string }).link;
    expect(link).toMatch(/^http:\/\/t\/invitations\/[A-Za-z0-9_-]{32}$/);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { topic: "EMAIL", payload: { path: ["to"], equals: "new.member@example.com" } } });
    expect(JSON.stringify(mail.payload)).toContain(link);
    // Only the token's hash is kept.
    const stored = await db().invitation.findFirstOrThrow({ where: { groupId: group.id } });
    expect(stored.tokenHash).toBe(crypto.createHash("sha256").update(tokenOf(link)).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(tokenOf(link));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const joiner = await newUser("คนใหม่");
    expect(await invitationPage(null, tokenOf(link))).toMatchObject({ status: 200, data: { signedIn: false, invitation: { role: "MANAGER" } } });
    // Not signed in: the join post is refused; signing in comes first.
    expect((await accept(null, tokenOf(link))).status).toBe(401);
    const joined = await accept(joiner.email, tokenOf(link));
    expect(joined).toMatchObject({ status: 302, location: `/groups/${group.slug}/manage` });
    expect(await db().groupMembership.findFirst({ where: { groupId: group.id, userId: joiner.id } })).toMatchObject({ role: "MANAGER", committeeRole: "TREASURER" });

    const again = await newUser("อีกคน");
    const before = await counts();
    expect(await accept(again.email, tokenOf(link))).toMatchObject({ status: 410, data: { error: "invitation.problems.used" } });
    expect(await invitationPage(again.email, tokenOf(link))).toMatchObject({ status: 410, data: { problem: "used" } });
    expect(await counts()).toEqual(before);
  });

  it("by phone shows the link to pass on, and refuses someone already a member", async () => {
    const phoned = await membersPost(owner.email, { intent: "invite", phone: "089-111-2222", role: "MEMBER" });
    expect(phoned.data).toMatchObject({ invited: { email: null } });
    expect(await db().invitation.findFirst({ where: { groupId: group.id, phone: "0891112222" } })).not.toBeNull();

    const before = await counts();
    const already = await membersPost(owner.email, { intent: "invite", email: owner.email, role: "MEMBER" });
    expect(already.status).toBe(409);
    expect(fieldErrors(already)).toEqual({ email: ["members.errors.alreadyMember"] });
    const nothing = await membersPost(owner.email, { intent: "invite", role: "MEMBER" });
    expect(fieldErrors(nothing)).toEqual({ email: ["members.errors.contact"] });
    const badPhone = await membersPost(owner.email, { intent: "invite", phone: "12", role: "MEMBER" });
    expect(fieldErrors(badPhone)).toEqual({ phone: ["apply.errors.phone"] });
    expect(await counts()).toEqual(before);
  });

  it("refuses an expired link, an unknown one, and a member joining twice", async () => {
    const invited = await membersPost(owner.email, { intent: "invite", email: "late@example.com", role: "MEMBER" });
    const token = tokenOf((invited.data!.invited as { link: string }).link);
    await db().invitation.updateMany({ where: { groupId: group.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await newUser("มาช้า");
    const before = await counts();
    expect(await accept(late.email, token)).toMatchObject({ status: 410, data: { error: "invitation.problems.expired" } });
    expect(await invitationPage(late.email, token)).toMatchObject({ status: 410, data: { problem: "expired" } });
    expect(await accept(late.email, "A".repeat(32))).toMatchObject({ status: 404 });
    expect(await invitationPage(late.email, "not-a-token")).toMatchObject({ status: 404 });

    const second = await membersPost(owner.email, { intent: "invite", phone: "0891234567", role: "MEMBER" });
    const ownToken = tokenOf((second.data!.invited as { link: string }).link);
    expect(await accept(owner.email, ownToken)).toMatchObject({ status: 409, data: { error: "invitation.alreadyMember" } });
    expect((await counts()).memberships).toBe(before.memberships);
  });

  it("is for owners only", async () => {
    const manager = await newUser("ผู้จัดการ");
    await db().groupMembership.create({ data: { groupId: group.id, userId: manager.id, role: "MANAGER" } });
    const before = await counts();
    expect((await membersPost(manager.email, { intent: "invite", email: "x@example.com", role: "OWNER" })).status).toBe(403);
    const outsider = await newUser("คนนอก");
    expect((await membersPost(outsider.email, { intent: "invite", email: "x@example.com", role: "OWNER" })).status).toBe(403);
    expect(await counts()).toEqual(before);
    // Every member sees who is in the group.
    expect((await load(membersRoute.loader, manager.email, url(), { slug: group.slug })).data).toMatchObject({ isOwner: false, invitations: [] });
  });
});

describe("changing and removing members", () => {
  it("changes a member's role and committee seat, and removes them", async () => {
    const helper = await newUser("ผู้ช่วย");
    const membership = await db().groupMembership.create({ data: { groupId: group.id, userId: helper.id, role: "MEMBER" } });
    expect((await membersPost(owner.email, { intent: "change", membershipId: membership.id, role: "MANAGER", committeeRole: "SECRETARY" })).status).toBe(200);
    expect(await db().groupMembership.findUnique({ where: { id: membership.id } })).toMatchObject({ role: "MANAGER", committeeRole: "SECRETARY" });
    expect((await membersPost(owner.email, { intent: "remove", membershipId: membership.id })).status).toBe(200);
    expect(await db().groupMembership.findUnique({ where: { id: membership.id } })).toBeNull();
    expect(await db().auditLog.count({ where: { groupId: group.id, action: { in: ["group.member.change", "group.member.remove"] } } })).toBe(2);
  });

  it("never removes or demotes the last owner", async () => {
    const own = await db().groupMembership.findFirstOrThrow({ where: { groupId: group.id, userId: owner.id } });
    const before = await counts();
    const demote = await membersPost(owner.email, { intent: "change", membershipId: own.id, role: "MANAGER" });
    expect(demote.status).toBe(409);
    expect((demote.data!.result as { error: Record<string, string[]> }).error[""]).toEqual(["members.errors.lastOwner"]);
    expect((await membersPost(owner.email, { intent: "remove", membershipId: own.id })).status).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await db().groupMembership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("OWNER");
  });

  it("lets only one of two owners removing each other at once succeed", async () => {
    for (let round = 0; round < 5; round++) {
      const first = await newUser("เจ้าของหนึ่ง");
      const second = await newUser("เจ้าของสอง");
      const shared = await newGroup(first.id);
      const firstMembership = await db().groupMembership.findFirstOrThrow({ where: { groupId: shared.id, userId: first.id } });
      const secondMembership = await db().groupMembership.create({ data: { groupId: shared.id, userId: second.id, role: "OWNER" } });
      const results = await Promise.allSettled([
        removeMember({ groupId: shared.id, actorId: first.id, membershipId: secondMembership.id }),
        removeMember({ groupId: shared.id, actorId: second.id, membershipId: firstMembership.id }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason instanceof NotOwnerError || refused.reason instanceof LastOwnerError).toBe(true);
      expect(await db().groupMembership.count({ where: { groupId: shared.id, role: "OWNER" } })).toBe(1);
    }
  });
});

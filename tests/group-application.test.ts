/**
 * Joining as a group, through the routes a villager's phone posts to: a draft saved step by step
 * and resumed, certificates kept privately and checked by their bytes, bad input answered with a
 * message and nothing changed, submitting, staff returning with reasons, the group answering,
 * staff verifying (the group sells, search follows, the owner is emailed), and a verified
 * group's payout change waiting for staff again.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { config } from "~/config.server";
import { documentStorage } from "~/modules/groups/documents.server";
import { localMediaDir } from "~/modules/media/storage.server";
import * as applyRoute from "~/routes/($lang).groups.apply";
import * as documentRoute from "~/routes/($lang).documents.$documentId";
import * as profileRoute from "~/routes/($lang).groups.$slug_.manage.profile";
import * as queueRoute from "~/routes/($lang).staff_.verification._index";
import * as requestRoute from "~/routes/($lang).staff_.verification.$requestId";
import { demoAccounts } from "../prisma/seed/demo";
import { counts, fieldErrors, load, newGroup, newUser, post, upload } from "./group-fixtures";
import { cookiesFor } from "./helpers";

const applyUrl = "http://t/groups/apply";
const staff = demoAccounts.staff.email;
let applicant: { id: string; email: string };

const apply = (form: Record<string, string | string[]>, email = applicant.email) => post(applyRoute.action, email, applyUrl, {}, form);
const application = () => db().occupationGroup.findFirstOrThrow({ where: { memberships: { some: { userId: applicant.id } } }, include: { committee: true, documents: true } });
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeAll(async () => {
  applicant = await newUser("สมศรี ผู้สมัคร");
});

describe("a group's application", () => {
  it("sends a visitor who is not signed in to sign in and back", async () => {
    const answer = await load(applyRoute.loader, null, applyUrl, {});
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/signin?redirectTo=${encodeURIComponent("/groups/apply")}`);
  });

  it("starts as a draft owned by the applicant and is found again", async () => {
    expect((await load(applyRoute.loader, applicant.email, applyUrl, {})).data).toMatchObject({ application: null });
    const started = await apply({ intent: "start", nameTh: "กลุ่มทอผ้าบ้านทดสอบ", province: "ขอนแก่น" });
    expect(started.status).toBe(302);
    const group = await application();
    expect(group).toMatchObject({ verificationStatus: "DRAFT", nameTh: "กลุ่มทอผ้าบ้านทดสอบ" });
    expect(await db().groupMembership.findFirst({ where: { groupId: group.id, userId: applicant.id } })).toMatchObject({ role: "OWNER" });
    // Starting again resumes the same application.
    await apply({ intent: "start", nameTh: "อีกกลุ่ม", province: "ขอนแก่น" });
    expect(await db().occupationGroup.count({ where: { memberships: { some: { userId: applicant.id } } } })).toBe(1);
    const resumed = await load(applyRoute.loader, applicant.email, applyUrl, {});
    expect(resumed.data).toMatchObject({ application: { id: group.id }, step: "names" });
  });

  it("saves each step, and refuses bad input with a message in Thai's keys, changing nothing", async () => {
    expect((await apply({ intent: "save-names", nameTh: "กลุ่มทอผ้าบ้านทดสอบ", storyTh: "ทอผ้ามาสามรุ่น" })).status).toBe(302);

    const before = await application();
    const badPlace = await apply({ intent: "save-place", village: "บ้านโนน", province: "เชียงใหม่", district: "กระนวน", subdistrict: "ดูนสาด" });
    expect(badPlace.status).toBe(400);
    expect(fieldErrors(badPlace)).toEqual({ district: ["apply.errors.place"] });
    expect((await application()).villageTh).toBe(before.villageTh);
    expect((await apply({ intent: "save-place", village: "บ้านโนน", province: "ขอนแก่น", district: "กระนวน", subdistrict: "ดูนสาด" })).status).toBe(302);
    expect(await application()).toMatchObject({ villageTh: "บ้านโนน", amphoeTh: "กระนวน", tambonTh: "ดูนสาด", tambonEn: "Dun Sat" });

    const badYear = await apply({ intent: "save-people", foundedYear: "2590", memberCount: "0", communitySage: "ยายสอน" });
    expect(badYear.status).toBe(400);
    expect(fieldErrors(badYear)).toMatchObject({ foundedYear: ["apply.errors.year"], memberCount: ["apply.errors.members"] });
    const people = await apply({
      intent: "save-people",
      foundedYear: "2546",
      memberCount: "18",
      communitySage: "ยายสอน",
      "committee[0].role": "CHAIR",
      "committee[0].name": "นางประธาน",
      "committee[1].role": "TREASURER",
      "committee[1].name": "นางเหรัญญิก",
      "committee[2].role": "OTHER",
      "committee[2].name": "",
    });
    expect(people.status).toBe(302);
    const saved = await application();
    expect(saved.foundedYear).toBe(2003);
    expect(saved.committee.map((member) => [member.role, member.name])).toEqual([
      ["CHAIR", "นางประธาน"],
      ["TREASURER", "นางเหรัญญิก"],
    ]);

    const badPhone = await apply({ intent: "save-contacts", phone: "12345" });
    expect(fieldErrors(badPhone)).toEqual({ phone: ["apply.errors.phone"] });
    expect((await apply({ intent: "save-contacts", phone: "081-234-5678", lineId: "@banthon" })).status).toBe(302);
    expect((await application()).phone).toBe("0812345678");

    const badPayout = await apply({ intent: "save-payout", promptPayId: "1101700203451", bankCode: "004", accountNo: "12345", accountName: "กลุ่ม" });
    expect(badPayout.status).toBe(400);
    expect(fieldErrors(badPayout)).toMatchObject({ promptPayId: ["apply.errors.promptPay"] });
    const badAccount = await apply({ intent: "save-payout", bankCode: "034", accountNo: "1234567890", accountName: "กลุ่ม" });
    expect(fieldErrors(badAccount)).toEqual({ accountNo: ["apply.errors.accountNo12"] });
    expect((await application()).promptPayId).toBeNull();
    expect((await apply({ intent: "save-payout", promptPayId: "1-1017-00203-45-0", bankCode: "034", accountNo: "0123-4567-8901", accountName: "กลุ่มทอผ้า" })).status).toBe(302);
    expect(await application()).toMatchObject({ promptPayId: "1101700203450", payoutBankCode: "034", payoutAccountNo: "012345678901" });
  });

  it("keeps certificates privately, by what their bytes are, and refuses what is not a photo or a PDF", async () => {
    const group = await application();
    const before = await counts();
    const text = await upload(applyRoute.action, applicant.email, applyUrl, {}, { intent: "add-document", kind: "OTOP" }, { field: "document", bytes: Buffer.from("not a pdf at all"), name: "otop.pdf", type: "application/pdf" });
    expect(text).toMatchObject({ status: 400, data: { documentError: "documents.errors.notADocument" } });
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const tooLarge = await upload(applyRoute.action, applicant.email, applyUrl, {}, { intent: "add-document", kind: "OTOP" }, { field: "document", bytes: big, name: "big.pdf", type: "application/pdf" });
    expect(tooLarge).toMatchObject({ status: 413, data: { documentError: "documents.errors.tooLarge" } });
    expect(await counts()).toEqual(before);

    // A PDF named like a photo is still a PDF; a photo with no extension is still a photo.
    const named = await upload(applyRoute.action, applicant.email, applyUrl, {}, { intent: "add-document", kind: "COMMUNITY_ENTERPRISE" }, { field: "document", bytes: pdf, name: "registration.jpg", type: "image/jpeg" });
    expect(named.status).toBe(302);
    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: "#a53" } }).jpeg().toBuffer();
    await upload(applyRoute.action, applicant.email, applyUrl, {}, { intent: "add-document", kind: "OTOP" }, { field: "document", bytes: photo, name: "scan", type: "application/octet-stream" });
    const documents = await db().groupDocument.findMany({ where: { groupId: group.id }, orderBy: { createdAt: "asc" } });
    expect(documents.map((document) => [document.kind, document.contentType])).toEqual([
      ["COMMUNITY_ENTERPRISE", "application/pdf"],
      ["OTOP", "image/jpeg"],
    ]);
    // Not under the public media folder, and not reachable through /media.
    const mediaDir = localMediaDir(config());
    for (const document of documents) {
      expect(fs.existsSync(path.join(mediaDir, document.storageKey))).toBe(false);
      expect((await documentStorage().get(document.storageKey))?.length).toBe(document.sizeBytes);
    }

    const url = `http://t/documents/${documents[0].id}`;
    const params = { documentId: documents[0].id };
    expect(await load(documentRoute.loader, applicant.email, url, params)).toMatchObject({ status: 200 });
    const response = (await documentRoute.loader({ request: new Request(url, { headers: { Cookie: (await cookiesFor(staff)).cookie } }), params, context: { clientAddress: "127.0.0.1" } })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    const stranger = await newUser("คนอื่น");
    const otherOwner = await newUser("เจ้าของกลุ่มอื่น");
    await newGroup(otherOwner.id);
    expect((await load(documentRoute.loader, stranger.email, url, params)).status).toBe(404);
    expect((await load(documentRoute.loader, otherOwner.email, url, params)).status).toBe(404);
    expect((await load(documentRoute.loader, null, url, params)).status).toBe(302);
  });

  it("cannot be sent while a step is missing, and is sent as PENDING with an open request", async () => {
    const group = await application();
    await db().committeeMember.deleteMany({ where: { groupId: group.id } });
    const incomplete = await apply({ intent: "submit" });
    expect(incomplete).toMatchObject({ status: 400, data: { missing: ["people"] } });
    expect((await application()).verificationStatus).toBe("DRAFT");
    await apply({ intent: "save-people", foundedYear: "2003", memberCount: "18", communitySage: "ยายสอน", "committee[0].role": "CHAIR", "committee[0].name": "นางประธาน" });
    expect((await apply({ intent: "submit" })).status).toBe(302);
    expect((await application()).verificationStatus).toBe("PENDING");
    expect(await db().verificationRequest.findMany({ where: { groupId: group.id } })).toMatchObject([{ kind: "APPLICATION", status: "OPEN" }]);
    // Nothing changes while staff review it.
    const locked = await apply({ intent: "save-contacts", phone: "0899999999" });
    expect(locked.status).toBe(409);
    expect((await application()).phone).toBe("0812345678");
  });

  it("is returned by staff with reasons the group reads, answered and sent again", async () => {
    const group = await application();
    const queue = await load(queueRoute.loader, staff, "http://t/staff/verification", {});
    const open = (queue.data!.queue as { id: string; group: { slug: string } }[]).find((row) => row.group.slug === group.slug)!;
    expect(open).toBeDefined();
    const requestUrl = `http://t/staff/verification/${open.id}`;
    const detail = await load(requestRoute.loader, staff, requestUrl, { requestId: open.id });
    expect(detail.data).toMatchObject({ detail: { group: { documents: [{ kind: "COMMUNITY_ENTERPRISE" }, { kind: "OTOP" }] } } });

    expect((await post(requestRoute.action, applicant.email, requestUrl, { requestId: open.id }, { intent: "approve" })).status).toBe(403);
    const noReasons = await post(requestRoute.action, staff, requestUrl, { requestId: open.id }, { intent: "return", reasons: "  " });
    expect(fieldErrors(noReasons)).toEqual({ reasons: ["verification.errors.reasons"] });
    const returned = await post(requestRoute.action, staff, requestUrl, { requestId: open.id }, { intent: "return", reasons: "รูปใบทะเบียนไม่ชัด กรุณาถ่ายใหม่" });
    expect(returned.status).toBe(302);
    expect((await application()).verificationStatus).toBe("RETURNED");
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { topic: "EMAIL", dedupeKey: { startsWith: `verification:${open.id}:returned` } } });
    expect(mail.payload).toMatchObject({ to: applicant.email });
    expect(JSON.stringify(mail.payload)).toContain("รูปใบทะเบียนไม่ชัด");
    // Deciding twice is refused.
    expect((await post(requestRoute.action, staff, requestUrl, { requestId: open.id }, { intent: "approve" })).status).toBe(409);

    const page = await load(applyRoute.loader, applicant.email, applyUrl, {});
    expect(page.data).toMatchObject({ application: { verificationStatus: "RETURNED", verifications: [{ status: "RETURNED", reasons: "รูปใบทะเบียนไม่ชัด กรุณาถ่ายใหม่" }] } });
    expect((await apply({ intent: "submit", answer: "ถ่ายรูปใหม่แล้ว" })).status).toBe(302);
    const requests = await db().verificationRequest.findMany({ where: { groupId: group.id }, orderBy: { createdAt: "asc" } });
    expect(requests.map((request) => [request.status, request.answer])).toEqual([
      ["RETURNED", null],
      ["OPEN", "ถ่ายรูปใหม่แล้ว"],
    ]);
  });

  it("is verified by staff: the group sells, search and caches follow, the owner is emailed", async () => {
    const group = await application();
    const open = await db().verificationRequest.findFirstOrThrow({ where: { groupId: group.id, status: "OPEN" } });
    const product = await db().product.create({
      data: { slug: `${group.slug}-mat`, groupId: group.id, categoryId: (await db().category.findFirstOrThrow()).id, productType: "mat", titleTh: "เสื่อทดสอบ", titleEn: "", storyTh: "เรื่อง", storyEn: "", priceSatang: 50000, unitTh: "ผืน", unitEn: "", weightGrams: 500, status: "ACTIVE" },
    });
    const since = new Date();
    const approved = await post(requestRoute.action, staff, `http://t/staff/verification/${open.id}`, { requestId: open.id }, { intent: "approve" });
    expect(approved.status).toBe(302);
    const verified = await application();
    expect(verified.verificationStatus).toBe("VERIFIED");
    expect(verified.verifiedAt).not.toBeNull();
    expect(verified.payoutVerifiedAt).not.toBeNull();
    const sync = await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC", createdAt: { gte: since } } });
    expect(sync.some((message) => JSON.stringify(message.payload).includes(product.slug))).toBe(true);
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL", dedupeKey: { startsWith: `verification:${open.id}:approved` } } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "group.verify", subjectId: open.id, actorId: (await db().user.findUniqueOrThrow({ where: { email: staff } })).id } })).toBe(1);
    // The application page no longer holds it: the group now has its workspace.
    expect((await load(applyRoute.loader, applicant.email, applyUrl, {})).data).toMatchObject({ application: null });
  });

  it("answers a staff action on a missing request with 404, changing nothing", async () => {
    const before = await counts();
    for (const requestId of ["nosuchrequest", "../../etc"]) {
      const url = `http://t/staff/verification/${requestId}`;
      expect((await post(requestRoute.action, staff, url, { requestId }, { intent: "approve" })).status).toBe(404);
      expect((await post(requestRoute.action, staff, url, { requestId }, { intent: "return", reasons: "ไม่มี" })).status).toBe(404);
      expect((await load(requestRoute.loader, staff, url, { requestId })).status).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("a verified group's payout details", () => {
  it("need staff again after a change, and bad formats change nothing", async () => {
    const group = await application();
    const url = `http://t/groups/${group.slug}/manage/profile`;
    const params = { slug: group.slug };
    const bad = await post(profileRoute.action, applicant.email, url, params, { intent: "save-payout", promptPayId: "081234567" });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad)).toMatchObject({ promptPayId: ["apply.errors.promptPay"] });
    expect((await application()).payoutVerifiedAt).not.toBeNull();

    const manager = await newUser("ผู้จัดการ");
    await db().groupMembership.create({ data: { groupId: group.id, userId: manager.id, role: "MANAGER" } });
    expect((await post(profileRoute.action, manager.email, url, params, { intent: "save-payout", promptPayId: "0899999999" })).status).toBe(403);

    const changed = await post(profileRoute.action, applicant.email, url, params, { intent: "save-payout", promptPayId: "089 999 9999" });
    expect(changed).toMatchObject({ status: 302, location: "/groups/" + group.slug + "/manage/profile?saved=payout-check#payout-section" });
    const after = await application();
    expect(after).toMatchObject({ promptPayId: "0899999999", payoutVerifiedAt: null, verificationStatus: "VERIFIED" });
    const request = await db().verificationRequest.findFirstOrThrow({ where: { groupId: group.id, kind: "PAYOUT_DETAILS", status: "OPEN" } });
    // A second change while it waits reuses the open request.
    await post(profileRoute.action, applicant.email, url, params, { intent: "save-payout", promptPayId: "0888888888" });
    expect(await db().verificationRequest.count({ where: { groupId: group.id, kind: "PAYOUT_DETAILS" } })).toBe(1);

    const queue = await load(queueRoute.loader, staff, "http://t/staff/verification", {});
    expect((queue.data!.queue as { id: string; kind: string }[]).some((row) => row.id === request.id && row.kind === "PAYOUT_DETAILS")).toBe(true);
    await post(requestRoute.action, staff, `http://t/staff/verification/${request.id}`, { requestId: request.id }, { intent: "approve" });
    expect((await application()).payoutVerifiedAt).not.toBeNull();
  });
});

describe("a verified group's profile", () => {
  it("re-indexes its products when its name changes, and only drops cached pages for its contacts", async () => {
    const group = await application();
    const product = await db().product.findFirstOrThrow({ where: { groupId: group.id } });
    const url = `http://t/groups/${group.slug}/manage/profile`;
    const params = { slug: group.slug };
    const since = new Date();
    const renamed = await post(profileRoute.action, applicant.email, url, params, { intent: "save-names", nameTh: "กลุ่มทอผ้าบ้านโนนใหม่", nameEn: "Ban Non Weavers", storyTh: "ทอผ้ามาสามรุ่น" });
    expect(renamed.status).toBe(302);
    expect(await application()).toMatchObject({ nameTh: "กลุ่มทอผ้าบ้านโนนใหม่", nameEn: "Ban Non Weavers" });
    const sync = await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC", createdAt: { gte: since } } });
    expect(sync.some((message) => JSON.stringify(message.payload).includes(product.slug))).toBe(true);

    const later = new Date();
    await post(profileRoute.action, applicant.email, url, params, { intent: "save-contacts", phone: "0811111111" });
    expect(await db().outboxMessage.count({ where: { topic: "SEARCH_SYNC", createdAt: { gte: later } } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { topic: "PAGE_CACHE", createdAt: { gte: later } } })).toBe(1);
    expect(await db().auditLog.count({ where: { groupId: group.id, action: { in: ["group.profile.names", "group.profile.contacts"] } } })).toBe(2);

    // A cover photo goes through the image pipeline; a text file does not.
    const text = await upload(profileRoute.action, applicant.email, url, params, { intent: "set-cover" }, { field: "cover", bytes: Buffer.from("hello"), name: "cover.jpg", type: "image/jpeg" });
    expect(text).toMatchObject({ status: 400, data: { coverError: "media.errors.notAnImage" } });
    expect((await application()).coverImageId).toBeNull();
    const cover = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: Date.now() % 255, g: 80, b: 120 } } }).png().toBuffer();
    expect((await upload(profileRoute.action, applicant.email, url, params, { intent: "set-cover" }, { field: "cover", bytes: cover, name: "cover.png", type: "image/png" })).status).toBe(302);
    expect((await application()).coverImageId).not.toBeNull();
  });
});

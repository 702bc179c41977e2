/**
 * Shipping per group through its workspace page (real route actions, real cookies, a real
 * database): managers and owners change the methods, members only read them, another group's
 * method is out of reach, bad fees change nothing; buyers' options are priced from what is set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { InvalidShippingMethodError, addShippingMethod } from "~/modules/shipping/methods.server";
import { shippingOptionOf, shippingOptionsFor } from "~/modules/shipping/options.server";
import * as shippingPage from "~/routes/($lang).groups.$slug_.manage.shipping";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";

const krajood = "ban-thon-krajood";
const mudmee = "chonnabot-mudmee";
const owner = (slug: string) => demoAccounts.ownerOf(slug).email;
const memberEmail = "member.ban-thon-krajood@test.sammachip.test";
const url = `http://t/groups/${krajood}/manage/shipping`;
const params = { slug: krajood };
const context = { clientAddress: "127.0.0.1" };

let groupId = "";
const methods = () => db().shippingMethod.findMany({ where: { groupId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
const audits = () => db().auditLog.count({ where: { groupId, action: { startsWith: "shipping." } } });

async function post(email: string, form: Record<string, string>) {
  try {
    return await shippingPage.action({ request: await requestAs(email, url, { form }), params, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const statusOf = (answer: unknown) => (answer instanceof Response ? answer.status : ((answer as { init?: { status?: number } }).init?.status ?? 200));
const fieldErrors = (answer: unknown) => (answer as { data: { result: { error?: Record<string, string[]> } } }).data.result.error;

beforeAll(async () => {
  groupId = (await db().occupationGroup.findUniqueOrThrow({ where: { slug: krajood } })).id;
  const member = await db().user.create({ data: { email: memberEmail, name: "สมาชิกกลุ่ม", passwordHash: "x" } });
  await db().groupMembership.create({ data: { userId: member.id, groupId, role: "MEMBER" } });
});

describe("the shipping page", () => {
  it("lets the owner add a courier with fees typed in baht, stored in satang, last in the list, audited", async () => {
    const before = await methods();
    const answer = await post(owner(krajood), { intent: "add", kind: "COURIER_FLASH", fee: "38.50", perExtraKg: "12", freeOver: "1,500" });
    expect(statusOf(answer)).toBe(200);
    const after = await methods();
    expect(after).toHaveLength(before.length + 1);
    const added = after.at(-1)!;
    expect(added).toMatchObject({ kind: "COURIER_FLASH", nameTh: "Flash Express", nameEn: "Flash Express", feeSatang: 3850, perExtraKgSatang: 1200, freeOverSatang: 150_000, active: true, position: before.length });
    const audit = await db().auditLog.findFirstOrThrow({ where: { subjectId: added.id, action: "shipping.method.add" } });
    expect(audit.actorId).toBe((await userByEmail(owner(krajood))).id);
  });

  it("refuses bad fees with the field's error and changes nothing", async () => {
    const existing = await methods();
    const before = [existing, await audits()];
    for (const [field, value, key] of [
      ["fee", "5000.01", "shipping.errors.fee"],
      ["fee", "-5", "shipping.errors.fee"],
      ["fee", "12.345", "shipping.errors.fee"],
      ["fee", "สามสิบ", "shipping.errors.fee"],
      ["perExtraKg", "1000.50", "shipping.errors.perExtraKg"],
      ["freeOver", "100000.01", "shipping.errors.freeOver"],
    ]) {
      const answer = await post(owner(krajood), { intent: "add", kind: "COURIER_KERRY", fee: "40", [field]: value });
      expect(statusOf(answer), `${field}=${value}`).toBe(400);
      expect(fieldErrors(answer)).toEqual({ [field]: [key] });
    }
    const edit = await post(owner(krajood), { intent: "update", methodId: existing[0].id, kind: "COURIER_KERRY", fee: "99999" });
    expect(statusOf(edit)).toBe(400);
    expect([await methods(), await audits()]).toEqual(before);
  });

  it("asks a market booth for its schedule", async () => {
    const answer = await post(owner(krajood), { intent: "add", kind: "PICKUP_MARKET", fee: "0" });
    expect(fieldErrors(answer)).toEqual({ scheduleTh: ["shipping.errors.scheduleRequired"] });
  });

  it("lets a member read the methods but not change them", async () => {
    const view = await shippingPage.loader({ request: await requestAs(memberEmail, url), params, context });
    expect(view.canEdit).toBe(false);
    expect(view.methods.length).toBeGreaterThan(0);
    const before = await methods();
    const answer = await post(memberEmail, { intent: "deactivate", methodId: before[0].id });
    expect(statusOf(answer)).toBe(403);
    expect(await methods()).toEqual(before);
  });

  it("refuses another group's method id as if it did not exist, and leaves it as it was", async () => {
    const theirs = await db().shippingMethod.findFirstOrThrow({ where: { group: { slug: mudmee } } });
    for (const form of [
      { intent: "update", methodId: theirs.id, kind: "COURIER_KERRY", fee: "1" } as Record<string, string>,
      { intent: "deactivate", methodId: theirs.id },
      { intent: "move", methodId: theirs.id, direction: "down" },
    ]) {
      expect(statusOf(await post(owner(krajood), form))).toBe(404);
    }
    expect(await db().shippingMethod.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(theirs);
    await expect(addShippingMethod({ groupId, actorId: "x", method: { kind: "COURIER_KERRY", feeSatang: 500_001 } })).rejects.toBeInstanceOf(InvalidShippingMethodError);
  });

  it("edits, turns off and on, and reorders, each audited", async () => {
    const [first, second] = await methods();
    expect(statusOf(await post(owner(krajood), { intent: "update", methodId: second.id, kind: second.kind, nameTh: "ส่งด่วน", fee: "45", scheduleTh: second.scheduleTh ?? "" }))).toBe(200);
    expect(await db().shippingMethod.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ nameTh: "ส่งด่วน", feeSatang: 4500 });

    expect(statusOf(await post(owner(krajood), { intent: "move", methodId: second.id, direction: "up" }))).toBe(200);
    expect((await methods()).slice(0, 2).map((method) => method.id)).toEqual([second.id, first.id]);
    expect((await methods()).map((method) => method.position)).toEqual((await methods()).map((_, index) => index));
    // The first cannot move further up; nothing happens.
    expect(statusOf(await post(owner(krajood), { intent: "move", methodId: second.id, direction: "up" }))).toBe(200);
    expect((await methods())[0].id).toBe(second.id);

    expect(statusOf(await post(owner(krajood), { intent: "deactivate", methodId: second.id }))).toBe(200);
    expect((await db().shippingMethod.findUniqueOrThrow({ where: { id: second.id } })).active).toBe(false);
    const actions = await db().auditLog.findMany({ where: { subjectId: second.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((audit) => audit.action)).toEqual(["shipping.method.update", "shipping.method.move", "shipping.method.deactivate"]);
  });
});

describe("a buyer's shipping options", () => {
  it("list the group's active methods in its order, priced for the basket", async () => {
    const mudmeeId = (await db().occupationGroup.findUniqueOrThrow({ where: { slug: mudmee } })).id;
    // Chonnabot's methods from the demo catalog: centre pickup, EMS ฿50 + ฿20/kg free from ฿2,000, Kerry ฿38 + ฿15/kg, a Saturday booth.
    const small = await shippingOptionsFor(mudmeeId, { itemsSatang: 150_000, weightGrams: 2500 });
    expect(small.map((option) => [option.method.kind, option.quote.feeSatang, option.pickup])).toEqual([
      ["PICKUP_CENTRE", 0, true],
      ["THAILAND_POST_EMS", 9000, false],
      ["COURIER_KERRY", 6800, false],
      ["PICKUP_MARKET", 0, true],
    ]);
    const large = await shippingOptionsFor(mudmeeId, { itemsSatang: 200_000, weightGrams: 2500 });
    expect(large[1].quote).toEqual({ feeSatang: 0, free: true, extraKg: 0 });

    const ems = small[1].method;
    await db().shippingMethod.update({ where: { id: ems.id }, data: { active: false } });
    expect((await shippingOptionsFor(mudmeeId, { itemsSatang: 1, weightGrams: 1 })).map((option) => option.method.kind)).not.toContain("THAILAND_POST_EMS");
    await expect(shippingOptionOf(db(), { groupId: mudmeeId, methodId: ems.id }, { itemsSatang: 1, weightGrams: 1 })).rejects.toBeInstanceOf(NotInGroupError);
    await expect(shippingOptionOf(db(), { groupId, methodId: small[2].method.id }, { itemsSatang: 1, weightGrams: 1 })).rejects.toBeInstanceOf(NotInGroupError);
    expect((await shippingOptionOf(db(), { groupId: mudmeeId, methodId: small[2].method.id }, { itemsSatang: 1, weightGrams: 1001 })).quote.feeSatang).toBe(5300);
  });
});

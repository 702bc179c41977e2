/**
 * A group's shipping methods: owns ShippingMethod. A group adds, edits, deactivates and reorders
 * its own methods from its workspace; every change is looked up within the acting group (a
 * forged id from another group is NotInGroupError) and audited in the same transaction. Methods
 * are never deleted, only deactivated: a cart or a placed order may still name one.
 *
 * Buyers' options and their prices: ./options.server.ts; the price rule: ./quote.ts.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { groupProductsChanged } from "~/modules/catalog/changes.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { defaultShippingNames, isPickup, needsSchedule, type ShippingKind } from "./kinds";
import { shippingLimits } from "./method-fields";

/** A method as a group sets it, amounts in satang. Blank names take the kind's usual name. */
export interface ShippingMethodInput {
  kind: ShippingKind;
  nameTh?: string | null;
  nameEn?: string | null;
  feeSatang: number;
  perExtraKgSatang?: number;
  freeOverSatang?: number | null;
  scheduleTh?: string | null;
  scheduleEn?: string | null;
}

/** Why the module refuses a method; the workspace shows `shipping.errors.<reason>`. */
export type InvalidMethodReason = "kind" | "fee" | "perExtraKg" | "freeOver" | "tooLong" | "scheduleRequired" | "pickupWeight";

/** A method the module refuses: `field` names the input at fault. */
export class InvalidShippingMethodError extends Error {
  readonly name = "InvalidShippingMethodError";
  constructor(
    readonly field: keyof ShippingMethodInput,
    readonly reason: InvalidMethodReason,
  ) {
    super(`Invalid shipping method: ${field} (${reason})`);
  }
}

/** The group already offers as many methods as a buyer can sensibly choose from. */
export class TooManyShippingMethodsError extends Error {
  readonly name = "TooManyShippingMethodsError";
}

export const shippingMethodSelect = {
  id: true,
  kind: true,
  nameTh: true,
  nameEn: true,
  feeSatang: true,
  perExtraKgSatang: true,
  freeOverSatang: true,
  scheduleTh: true,
  scheduleEn: true,
  active: true,
  position: true,
} as const satisfies Prisma.ShippingMethodSelect;

export type ShippingMethodRow = Prisma.ShippingMethodGetPayload<{ select: typeof shippingMethodSelect }>;

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

function amount(value: number, max: number, field: "feeSatang" | "perExtraKgSatang" | "freeOverSatang") {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new InvalidShippingMethodError(field, field === "feeSatang" ? "fee" : field === "perExtraKgSatang" ? "perExtraKg" : "freeOver");
  return value;
}

/** The row's data from a group's input: checked again here (the form checked it first), names defaulted. */
function methodData(input: ShippingMethodInput) {
  const names = defaultShippingNames[input.kind];
  if (!names) throw new InvalidShippingMethodError("kind", "kind");
  const nameTh = blankToNull(input.nameTh) ?? names.th;
  const nameEn = blankToNull(input.nameEn) ?? names.en;
  const scheduleTh = blankToNull(input.scheduleTh);
  const scheduleEn = blankToNull(input.scheduleEn);
  for (const [field, text, max] of [
    ["nameTh", nameTh, shippingLimits.nameMaxLength],
    ["nameEn", nameEn, shippingLimits.nameMaxLength],
    ["scheduleTh", scheduleTh, shippingLimits.scheduleMaxLength],
    ["scheduleEn", scheduleEn, shippingLimits.scheduleMaxLength],
  ] as const) {
    if (text && text.length > max) throw new InvalidShippingMethodError(field, "tooLong");
  }
  if (needsSchedule(input.kind) && !scheduleTh) throw new InvalidShippingMethodError("scheduleTh", "scheduleRequired");
  const perExtraKgSatang = amount(input.perExtraKgSatang ?? 0, shippingLimits.perExtraKgMaxSatang, "perExtraKgSatang");
  if (isPickup(input.kind) && perExtraKgSatang > 0) throw new InvalidShippingMethodError("perExtraKgSatang", "pickupWeight");
  const freeOverSatang = input.freeOverSatang ?? null;
  return {
    kind: input.kind,
    nameTh,
    nameEn,
    feeSatang: amount(input.feeSatang, shippingLimits.feeMaxSatang, "feeSatang"),
    perExtraKgSatang,
    freeOverSatang: freeOverSatang === null ? null : amount(freeOverSatang, shippingLimits.freeOverMaxSatang, "freeOverSatang"),
    scheduleTh,
    scheduleEn,
  };
}

/** Every change to one group's list waits for the others, so positions never collide. */
async function lockGroupShipping(tx: Client, groupId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shipping-methods'), hashtext(${groupId}))`;
}

/** The method `methodId` if it belongs to `groupId`, else NotInGroupError. */
export async function shippingMethodOfGroup(client: Client, where: { groupId: string; methodId: string }): Promise<ShippingMethodRow> {
  const method = await client.shippingMethod.findFirst({ where: { id: where.methodId, groupId: where.groupId }, select: shippingMethodSelect });
  if (!method) throw new NotInGroupError("shipping method");
  return method;
}

/** All of a group's methods, active and not, in the order buyers see them. */
export function shippingMethodsOfGroup(groupId: string, client: Client = db()): Promise<ShippingMethodRow[]> {
  return client.shippingMethod.findMany({ where: { groupId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: shippingMethodSelect });
}

type Actor = { groupId: string; actorId: string };

export async function addShippingMethod(input: Actor & { method: ShippingMethodInput }, client?: Client): Promise<ShippingMethodRow> {
  const data = methodData(input.method);
  return inTransaction(client, async (tx) => {
    await lockGroupShipping(tx, input.groupId);
    const existing = await tx.shippingMethod.aggregate({ where: { groupId: input.groupId }, _count: { _all: true }, _max: { position: true } });
    if (existing._count._all >= shippingLimits.methodsPerGroup) throw new TooManyShippingMethodsError(`at most ${shippingLimits.methodsPerGroup} methods`);
    const method = await tx.shippingMethod.create({
      data: { ...data, groupId: input.groupId, position: (existing._max.position ?? -1) + 1 },
      select: shippingMethodSelect,
    });
    await recordAudit(tx, { actorId: input.actorId, groupId: input.groupId, action: "shipping.method.add", subjectType: "ShippingMethod", subjectId: method.id, after: data });
    // Search's "ships to my province" and "pickup near me" read the group's active methods.
    await groupProductsChanged(tx, input.groupId);
    return method;
  });
}

export async function updateShippingMethod(input: Actor & { methodId: string; method: ShippingMethodInput }, client?: Client): Promise<ShippingMethodRow> {
  const data = methodData(input.method);
  return inTransaction(client, async (tx) => {
    await lockGroupShipping(tx, input.groupId);
    const before = await shippingMethodOfGroup(tx, input);
    const method = await tx.shippingMethod.update({ where: { id: before.id }, data, select: shippingMethodSelect });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "shipping.method.update",
      subjectType: "ShippingMethod",
      subjectId: before.id,
      before: auditable(before),
      after: data,
    });
    if (before.kind !== method.kind) await groupProductsChanged(tx, input.groupId);
    return method;
  });
}

/** Deactivating hides a method from buyers (and keeps it for the orders that used it); activating offers it again. */
export async function setShippingMethodActive(input: Actor & { methodId: string; active: boolean }, client?: Client): Promise<ShippingMethodRow> {
  return inTransaction(client, async (tx) => {
    await lockGroupShipping(tx, input.groupId);
    const before = await shippingMethodOfGroup(tx, input);
    const method = await tx.shippingMethod.update({ where: { id: before.id }, data: { active: input.active }, select: shippingMethodSelect });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: input.active ? "shipping.method.activate" : "shipping.method.deactivate",
      subjectType: "ShippingMethod",
      subjectId: before.id,
      before: { active: before.active },
      after: { active: input.active },
    });
    if (before.active !== input.active) await groupProductsChanged(tx, input.groupId);
    return method;
  });
}

/** Moves a method one place up or down the list buyers see; the list is renumbered 0, 1, 2 … */
export async function moveShippingMethod(input: Actor & { methodId: string; direction: "up" | "down" }, client?: Client): Promise<ShippingMethodRow[]> {
  return inTransaction(client, async (tx) => {
    await lockGroupShipping(tx, input.groupId);
    const moved = await shippingMethodOfGroup(tx, input);
    const list = await shippingMethodsOfGroup(input.groupId, tx);
    const from = list.findIndex((method) => method.id === moved.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < list.length) [list[from], list[to]] = [list[to], list[from]];
    const changed = list.map((method, position) => ({ method, position })).filter(({ method, position }) => method.position !== position);
    for (const { method, position } of changed) {
      await tx.shippingMethod.update({ where: { id: method.id }, data: { position } });
    }
    if (changed.length > 0) {
      await recordAudit(tx, {
        actorId: input.actorId,
        groupId: input.groupId,
        action: "shipping.method.move",
        subjectType: "ShippingMethod",
        subjectId: moved.id,
        before: { position: moved.position },
        after: { position: list.findIndex((method) => method.id === moved.id), direction: input.direction },
      });
    }
    return list.map((method, position) => ({ ...method, position }));
  });
}

function auditable(method: ShippingMethodRow) {
  const { id: _id, active: _active, position: _position, ...fields } = method;
  return fields;
}

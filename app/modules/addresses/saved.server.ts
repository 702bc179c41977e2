/**
 * The delivery addresses a buyer keeps in their account (the Address table), always reached
 * through the owner's id, so one buyer can never read or change another's. Addresses arrive
 * already checked against the Thai address dataset (thaiAddressSchema). The first one saved is
 * the default; removing the default makes the oldest remaining one the default.
 */
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { MAX_SAVED_ADDRESSES, type ThaiAddress } from "./address";

export class TooManyAddressesError extends Error {
  readonly name = "TooManyAddressesError";
}

export class NoSuchAddressError extends Error {
  readonly name = "NoSuchAddressError";
}

export async function saveAddress(input: { userId: string; address: ThaiAddress; makeDefault: boolean }, client: Client = db()) {
  return inTransaction(client, async (tx) => {
    // Locks the owner's row, so two saves at once cannot both pass the limit or both become the default.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
    const count = await tx.address.count({ where: { userId: input.userId } });
    if (count >= MAX_SAVED_ADDRESSES) throw new TooManyAddressesError();
    const isDefault = input.makeDefault || count === 0;
    if (isDefault) await tx.address.updateMany({ where: { userId: input.userId }, data: { isDefault: false } });
    return tx.address.create({ data: { ...input.address, userId: input.userId, isDefault }, select: { id: true } });
  });
}

export async function removeAddress(input: { userId: string; addressId: string }, client: Client = db()) {
  return inTransaction(client, async (tx) => {
    const address = await tx.address.findFirst({ where: { id: input.addressId, userId: input.userId }, select: { id: true, isDefault: true } });
    if (!address) throw new NoSuchAddressError();
    await tx.address.delete({ where: { id: address.id } });
    if (address.isDefault) {
      const next = await tx.address.findFirst({ where: { userId: input.userId }, orderBy: { createdAt: "asc" }, select: { id: true } });
      if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
    }
  });
}

export async function makeDefaultAddress(input: { userId: string; addressId: string }, client: Client = db()) {
  return inTransaction(client, async (tx) => {
    const address = await tx.address.findFirst({ where: { id: input.addressId, userId: input.userId }, select: { id: true } });
    if (!address) throw new NoSuchAddressError();
    await tx.address.updateMany({ where: { userId: input.userId }, data: { isDefault: false } });
    await tx.address.update({ where: { id: address.id }, data: { isDefault: true } });
  });
}

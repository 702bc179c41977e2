/**
 * Reading orders, always from one side: a group reads only its own group orders (never another
 * group's lines, never the buyer's other purchases); a buyer reads their whole order with each
 * group's status, from their account or, as a guest, with the order code and the email or phone
 * they gave.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";
import type { GroupOrderStatus } from "~/generated/prisma/enums";
import { NotInGroupError } from "~/modules/groups/errors";
import { normaliseThaiPhone } from "~/modules/addresses/phone";

export const INBOX_PAGE = 30;

const inboxRow = {
  id: true,
  status: true,
  itemsSatang: true,
  shippingSatang: true,
  shippingKind: true,
  shippingNameTh: true,
  shippingNameEn: true,
  promisedBy: true,
  createdAt: true,
  order: { select: { number: true, recipientName: true, paymentProvider: true, status: true } },
  lines: { select: { titleTh: true, titleEn: true, quantity: true } },
  payments: { select: { status: true, provider: true } },
} as const;

/** A group's order inbox, newest first, optionally one status only; keyset paged by (createdAt, id). */
export async function groupInbox(groupId: string, options: { status?: GroupOrderStatus; before?: { createdAt: Date; id: string } } = {}, client: Client = db()) {
  const rows = await client.groupOrder.findMany({
    where: {
      groupId,
      ...(options.status ? { status: options.status } : {}),
      ...(options.before ? { OR: [{ createdAt: { lt: options.before.createdAt } }, { createdAt: options.before.createdAt, id: { lt: options.before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE + 1,
    select: inboxRow,
  });
  const counts = await client.groupOrder.groupBy({ by: ["status"], where: { groupId }, _count: { _all: true } });
  return {
    orders: rows.slice(0, INBOX_PAGE),
    more: rows.length > INBOX_PAGE,
    counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<GroupOrderStatus, number>>,
  };
}

/** One of the group's own group orders, with what it needs to fulfil it; NotInGroupError otherwise. */
export async function groupOrderForGroup(groupId: string, groupOrderId: string, client: Client = db()) {
  const groupOrder = await client.groupOrder.findFirst({
    where: { id: groupOrderId, groupId },
    select: {
      id: true,
      status: true,
      itemsSatang: true,
      shippingSatang: true,
      platformFeeSatang: true,
      providerFeeSatang: true,
      shippingKind: true,
      shippingNameTh: true,
      shippingNameEn: true,
      promisedBy: true,
      carrier: true,
      trackingNumber: true,
      cancelReason: true,
      createdAt: true,
      // The buyer's delivery details and contact, which the group needs to hand the goods over;
      // nothing about the buyer's other purchases.
      order: {
        select: {
          number: true,
          recipientName: true,
          phone: true,
          email: true,
          addressLine: true,
          subdistrict: true,
          district: true,
          province: true,
          postcode: true,
          paymentProvider: true,
          status: true,
        },
      },
      lines: { orderBy: { titleTh: "asc" }, select: { id: true, titleTh: true, titleEn: true, unitTh: true, unitEn: true, quantity: true, quantityFromStock: true, quantityToMake: true, unitPriceSatang: true, promisedBy: true, productSlug: true } },
      events: { orderBy: { createdAt: "asc" }, select: { from: true, to: true, note: true, createdAt: true } },
      payments: { orderBy: { createdAt: "asc" }, select: { id: true, status: true, provider: true, method: true, amountSatang: true, slipReference: true, slipStorageKey: true } },
      group: { select: { nameTh: true, nameEn: true, phone: true, villageTh: true, province: { select: { nameTh: true } } } },
    },
  });
  if (!groupOrder) throw new NotInGroupError("order");
  return groupOrder;
}

export type GroupOrderDetail = Awaited<ReturnType<typeof groupOrderForGroup>>;

/** Every group order of a group in a date range, for its CSV export. */
export function groupOrdersForExport(groupId: string, range: { from?: Date; to?: Date } = {}, client: Client = db()) {
  return client.groupOrder.findMany({
    where: { groupId, createdAt: { gte: range.from, lt: range.to } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 10_000,
    select: {
      createdAt: true,
      status: true,
      itemsSatang: true,
      shippingSatang: true,
      platformFeeSatang: true,
      shippingNameTh: true,
      shippingNameEn: true,
      carrier: true,
      trackingNumber: true,
      order: { select: { number: true, recipientName: true, phone: true, province: true } },
      lines: { select: { titleTh: true, titleEn: true, quantity: true, unitPriceSatang: true } },
    },
  });
}

const buyerOrderSelect = {
  id: true,
  number: true,
  status: true,
  buyerId: true,
  email: true,
  phone: true,
  recipientName: true,
  totalSatang: true,
  expiresAt: true,
  paymentProvider: true,
  addressLine: true,
  subdistrict: true,
  district: true,
  province: true,
  postcode: true,
  createdAt: true,
  groupOrders: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      itemsSatang: true,
      shippingSatang: true,
      shippingKind: true,
      shippingNameTh: true,
      shippingNameEn: true,
      promisedBy: true,
      carrier: true,
      trackingNumber: true,
      cancelReason: true,
      receivedAt: true,
      platformFeeSatang: true,
      providerFeeSatang: true,
      group: { select: { slug: true, nameTh: true, nameEn: true, phone: true, lineId: true, facebookPage: true, promptPayId: true } },
      lines: { select: { productSlug: true, titleTh: true, titleEn: true, unitTh: true, unitEn: true, quantity: true, unitPriceSatang: true, promisedBy: true } },
      events: { orderBy: { createdAt: "asc" }, select: { to: true, createdAt: true } },
      payments: { orderBy: { createdAt: "asc" }, select: { id: true, status: true, provider: true, amountSatang: true, slipReference: true } },
    },
  },
} as const;

/**
 * An order as its buyer sees it. Access: the signed-in buyer who placed it, a browser holding a
 * signed grant for it (it placed the order, or gave its contact before: `granted`), or anyone who
 * gives the email or phone the order was placed with (compared normalised). Anything else is null,
 * the same as an unknown code, so a guessed code reveals nothing.
 */
export async function orderForBuyer(number: string, access: { userId?: string | null; contact?: string | null; granted?: boolean }, client: Client = db()) {
  const order = await client.order.findUnique({ where: { number }, select: buyerOrderSelect });
  if (!order) return null;
  if (access.granted) return order;
  if (access.userId && order.buyerId === access.userId) return order;
  const contact = access.contact?.trim().toLowerCase();
  if (contact) {
    if (order.email && contact === order.email.toLowerCase()) return order;
    const phone = normaliseThaiPhone(contact);
    if (phone && phone === order.phone) return order;
  }
  return null;
}

export type BuyerOrder = NonNullable<Awaited<ReturnType<typeof orderForBuyer>>>;

/** A signed-in buyer's orders, newest first. */
export function ordersOfBuyer(userId: string, client: Client = db()) {
  return client.order.findMany({
    where: { buyerId: userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { number: true, status: true, totalSatang: true, createdAt: true, groupOrders: { select: { status: true, group: { select: { nameTh: true, nameEn: true } } } } },
  });
}

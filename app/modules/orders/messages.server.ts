/**
 * What the store tells people about orders, written to the outbox in the same transaction as
 * the change (so a rolled-back order sends nothing and a sent message is never lost): the buyer
 * by email in the language they ordered in, at placement and at each step of each group's part;
 * each group by email to its owners and managers and, when its LINE chat is linked, by a LINE
 * push, when a new order arrives. A failed send is retried by the outbox and never undoes the order.
 */
import type { Tx } from "~/db/client.server";
import { config } from "~/config.server";
import type { GroupOrderStatus, Locale } from "~/generated/prisma/enums";
import { formatDate, formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { sendEmail, sendEmails, type Email } from "~/modules/notifications/email.server";
import { sendLineMessage } from "~/modules/notifications/line.server";

function origin(): string {
  return (config().PUBLIC_URL ?? `http://localhost:${config().PORT}`).replace(/\/$/, "");
}

const orderForMessages = {
  id: true,
  number: true,
  locale: true,
  email: true,
  recipientName: true,
  totalSatang: true,
  expiresAt: true,
  groupOrders: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      itemsSatang: true,
      shippingSatang: true,
      shippingNameTh: true,
      shippingNameEn: true,
      promisedBy: true,
      group: { select: { id: true, slug: true, nameTh: true, nameEn: true, lineChatId: true } },
      lines: { select: { titleTh: true, titleEn: true, quantity: true, unitPriceSatang: true, promisedBy: true } },
    },
  },
} as const;

const pick = (lang: Locale, th: string, en: string) => (lang === "en" && en ? en : th);

/** The buyer's confirmation, and each group's "new order" (email to owners and managers, LINE to its chat), in one write. */
export async function orderPlacedMessages(tx: Tx, orderId: string): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderForMessages });
  const lang = order.locale;
  const t = translator(lang);
  const link = `${origin()}${href(lang, `/orders/${order.number}`)}`;
  const emails: (Email & { dedupeKey: string })[] = [];
  if (order.email) {
    const parts = order.groupOrders.map((groupOrder) =>
      [
        `${pick(lang, groupOrder.group.nameTh, groupOrder.group.nameEn)}:`,
        ...groupOrder.lines.map(
          (line) =>
            `  ${line.quantity} × ${pick(lang, line.titleTh, line.titleEn)} — ${formatMoney(line.unitPriceSatang * line.quantity, lang)}` +
            (line.promisedBy ? ` (${t("mail.readyBy", { date: formatDate(line.promisedBy, lang) })})` : ""),
        ),
        `  ${pick(lang, groupOrder.shippingNameTh, groupOrder.shippingNameEn)} — ${formatMoney(groupOrder.shippingSatang, lang)}`,
      ].join("\n"),
    );
    emails.push({
      to: order.email,
      subject: t("mail.placedSubject", { number: order.number }),
      text: [
        t("mail.greeting", { name: order.recipientName }),
        "",
        t("mail.placedIntro", { number: order.number }),
        "",
        ...parts,
        "",
        t("mail.total", { total: formatMoney(order.totalSatang, lang) }),
        order.expiresAt ? t("mail.payBy", { date: formatDate(order.expiresAt, lang) }) : t("mail.payLater"),
        "",
        t("mail.track", { link }),
      ].join("\n"),
      dedupeKey: `order:${order.id}:placed`,
    });
  }
  // Groups work in Thai; their workspace switches to English for those who prefer it.
  const th = translator("th");
  const staff = await tx.groupMembership.findMany({
    where: { groupId: { in: order.groupOrders.map((groupOrder) => groupOrder.group.id) }, role: { in: ["OWNER", "MANAGER"] } },
    select: { groupId: true, user: { select: { email: true } } },
  });
  for (const groupOrder of order.groupOrders) {
    const text = th("mail.groupNewOrder", {
      number: order.number,
      total: formatMoney(groupOrder.itemsSatang + groupOrder.shippingSatang, "th"),
      link: `${origin()}${href("th", `/groups/${groupOrder.group.slug}/manage/orders/${groupOrder.id}`)}`,
    });
    for (const member of staff.filter((row) => row.groupId === groupOrder.group.id)) {
      emails.push({ to: member.user.email, subject: th("mail.groupNewOrderSubject", { number: order.number }), text, dedupeKey: `group-order:${groupOrder.id}:new:${member.user.email}` });
    }
    if (groupOrder.group.lineChatId) await sendLineMessage(tx, { to: groupOrder.group.lineChatId, text }, { dedupeKey: `group-order:${groupOrder.id}:new:line` });
  }
  await sendEmails(tx, emails);
}

/** The buyer hears about each step of a group's part of their order. */
export async function groupOrderMovedMessages(tx: Tx, groupOrderId: string, to: GroupOrderStatus, eventId: string): Promise<void> {
  const groupOrder = await tx.groupOrder.findUniqueOrThrow({
    where: { id: groupOrderId },
    select: {
      carrier: true,
      trackingNumber: true,
      cancelReason: true,
      group: { select: { nameTh: true, nameEn: true } },
      order: { select: { number: true, locale: true, email: true, recipientName: true } },
    },
  });
  const { order } = groupOrder;
  if (!order.email) return;
  const lang = order.locale;
  const t = translator(lang);
  const group = pick(lang, groupOrder.group.nameTh, groupOrder.group.nameEn);
  const lines = [
    t("mail.greeting", { name: order.recipientName }),
    "",
    t(`mail.moved.${to}`, { group, number: order.number, carrier: groupOrder.carrier ?? "", tracking: groupOrder.trackingNumber ?? "", reason: groupOrder.cancelReason ?? "" }),
    "",
    t("mail.track", { link: `${origin()}${href(lang, `/orders/${order.number}`)}` }),
  ];
  await sendEmail(tx, { to: order.email, subject: t("mail.movedSubject", { number: order.number, group }), text: lines.join("\n") }, { dedupeKey: `event:${eventId}` });
}

/** The buyer hears that an unpaid order expired, or that it was cancelled. */
export async function orderClosedMessages(tx: Tx, orderId: string, how: "expired" | "cancelled"): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, number: true, locale: true, email: true, recipientName: true } });
  if (!order.email) return;
  const t = translator(order.locale);
  await sendEmail(
    tx,
    {
      to: order.email,
      subject: t(`mail.${how}Subject`, { number: order.number }),
      text: [t("mail.greeting", { name: order.recipientName }), "", t(`mail.${how}Text`, { number: order.number })].join("\n"),
    },
    { dedupeKey: `order:${order.id}:${how}` },
  );
}

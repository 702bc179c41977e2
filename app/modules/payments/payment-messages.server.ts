/**
 * What the store tells people about payments, through the outbox in the same transaction as the
 * change: a group's treasurer (and owners and managers) hear that a slip waits for them, a buyer
 * hears that a slip was not accepted or that money was sent back. Groups work in Thai.
 */
import type { Tx } from "~/db/client.server";
import { config } from "~/config.server";
import { formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { sendEmail, sendEmails } from "~/modules/notifications/email.server";
import { sendLineMessage } from "~/modules/notifications/line.server";

function origin(): string {
  return (config().PUBLIC_URL ?? `http://localhost:${config().PORT}`).replace(/\/$/, "");
}

/** The people of a group who confirm payments: its treasurer, owners and managers. */
async function confirmers(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx.groupMembership.findMany({
    where: { groupId, OR: [{ role: { in: ["OWNER", "MANAGER"] } }, { committeeRole: "TREASURER" }] },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(rows.map((row) => row.user.email))];
}

export async function slipSubmittedMessages(tx: Tx, paymentId: string): Promise<void> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { amountSatang: true, order: { select: { number: true } }, groupOrder: { select: { id: true, group: { select: { id: true, slug: true, lineChatId: true } } } } },
  });
  const group = payment.groupOrder!.group;
  const t = translator("th");
  const text = t("payMail.slipToConfirm", {
    number: payment.order.number,
    amount: formatMoney(payment.amountSatang, "th"),
    link: `${origin()}${href("th", `/groups/${group.slug}/manage/orders/${payment.groupOrder!.id}`)}`,
  });
  const subject = t("payMail.slipToConfirmSubject", { number: payment.order.number });
  await sendEmails(
    tx,
    (await confirmers(tx, group.id)).map((to) => ({ to, subject, text, dedupeKey: `payment:${paymentId}:slip:${to}` })),
  );
  if (group.lineChatId) await sendLineMessage(tx, { to: group.lineChatId, text }, { dedupeKey: `payment:${paymentId}:slip:line` });
}

export async function slipRejectedMessages(tx: Tx, paymentId: string, reason: string): Promise<void> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { order: { select: { number: true, locale: true, email: true, recipientName: true } }, groupOrder: { select: { group: { select: { nameTh: true, nameEn: true } } } } },
  });
  const { order } = payment;
  if (!order.email) return;
  const t = translator(order.locale);
  const group = order.locale === "en" ? payment.groupOrder!.group.nameEn : payment.groupOrder!.group.nameTh;
  await sendEmail(
    tx,
    {
      to: order.email,
      subject: t("payMail.slipRejectedSubject", { number: order.number }),
      text: [
        t("mail.greeting", { name: order.recipientName }),
        "",
        t("payMail.slipRejected", { group, reason }),
        "",
        t("mail.track", { link: `${origin()}${href(order.locale, `/orders/${order.number}`)}` }),
      ].join("\n"),
    },
    { dedupeKey: `payment:${paymentId}:rejected` },
  );
}

export async function refundSentMessages(tx: Tx, refundId: string): Promise<void> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    select: { amountSatang: true, payment: { select: { order: { select: { number: true, locale: true, email: true, recipientName: true } } } } },
  });
  const { order } = refund.payment;
  if (!order.email) return;
  const t = translator(order.locale);
  await sendEmail(
    tx,
    {
      to: order.email,
      subject: t("payMail.refundSubject", { number: order.number }),
      text: [t("mail.greeting", { name: order.recipientName }), "", t("payMail.refund", { number: order.number, amount: formatMoney(refund.amountSatang, order.locale) })].join("\n"),
    },
    { dedupeKey: `refund:${refundId}:sent` },
  );
}

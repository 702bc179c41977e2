/**
 * Staff moderation: hiding a listing (Product.hiddenAt/hiddenReason) or suspending a group
 * (verificationStatus SUSPENDED, suspendedReason), each with a reason the group sees, and
 * reinstating. Each change, its audit record, what must follow it for buyers (search, page
 * caches) and the email to the group's owners are written in one transaction; a refused change
 * (ModerationError) writes nothing.
 */
import { config } from "~/config.server";
import { db, type Tx } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { translator } from "~/i18n/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { groupProductsChanged, productsChanged } from "~/modules/catalog/changes.server";
import { sendEmail } from "~/modules/notifications/email.server";

export type ModerationRefusal = "groupNotFound" | "productNotFound" | "alreadyHidden" | "notHidden" | "alreadySuspended" | "notSuspended";

export class ModerationError extends Error {
  readonly name = "ModerationError";
  constructor(readonly reason: ModerationRefusal) {
    super(`Moderation refused: ${reason}`);
  }

  get status(): number {
    return this.reason === "groupNotFound" || this.reason === "productNotFound" ? 404 : 409;
  }
}

type Actor = { actorId: string };

export async function hideProduct(input: { productId: string; reason: string } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const product = await lockedProduct(tx, input.productId);
    if (product.hiddenAt) throw new ModerationError("alreadyHidden");
    await tx.product.update({ where: { id: product.id }, data: { hiddenAt: new Date(), hiddenReason: input.reason } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: product.groupId,
      action: "product.hide",
      subjectType: "Product",
      subjectId: product.id,
      before: { hidden: false },
      after: { hidden: true, hiddenReason: input.reason },
    });
    await productsChanged(tx, [product.slug]);
    await tellOwners(tx, product.groupId, "productHidden", { product: product.titleTh, productEn: product.titleEn, reason: input.reason });
  });
}

export async function reinstateProduct(input: { productId: string } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const product = await lockedProduct(tx, input.productId);
    if (!product.hiddenAt) throw new ModerationError("notHidden");
    await tx.product.update({ where: { id: product.id }, data: { hiddenAt: null, hiddenReason: null } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: product.groupId,
      action: "product.reinstate",
      subjectType: "Product",
      subjectId: product.id,
      before: { hidden: true, hiddenReason: product.hiddenReason },
      after: { hidden: false },
    });
    await productsChanged(tx, [product.slug]);
    await tellOwners(tx, product.groupId, "productReinstated", { product: product.titleTh, productEn: product.titleEn, reason: "" });
  });
}

export async function suspendGroup(input: { groupId: string; reason: string } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const group = await lockedGroup(tx, input.groupId);
    if (group.verificationStatus === "SUSPENDED") throw new ModerationError("alreadySuspended");
    await tx.occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: "SUSPENDED", suspendedReason: input.reason } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: group.id,
      action: "group.suspend",
      subjectType: "OccupationGroup",
      subjectId: group.id,
      before: { verificationStatus: group.verificationStatus },
      after: { verificationStatus: "SUSPENDED", suspendedReason: input.reason },
    });
    await groupProductsChanged(tx, group.id);
    await tellOwners(tx, group.id, "groupSuspended", { reason: input.reason });
  });
}

/**
 * Lifts a suspension. A group staff had verified before sells again at once; one never verified
 * goes back to waiting for review (PENDING), so a suspension cannot skip verification.
 */
export async function reinstateGroup(input: { groupId: string } & Actor, client?: Client) {
  return inTransaction(client, async (tx) => {
    const group = await lockedGroup(tx, input.groupId);
    if (group.verificationStatus !== "SUSPENDED") throw new ModerationError("notSuspended");
    const status = group.verifiedAt ? ("VERIFIED" as const) : ("PENDING" as const);
    await tx.occupationGroup.update({ where: { id: group.id }, data: { verificationStatus: status, suspendedReason: null } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: group.id,
      action: "group.reinstate",
      subjectType: "OccupationGroup",
      subjectId: group.id,
      before: { verificationStatus: "SUSPENDED", suspendedReason: group.suspendedReason },
      after: { verificationStatus: status },
    });
    await groupProductsChanged(tx, group.id);
    await tellOwners(tx, group.id, "groupReinstated", { reason: "" });
  });
}

/** What the group's own workspace says about moderation: its suspension and its hidden listings, with staff's reasons. */
export async function moderationNotice(groupId: string, client: Client = db()) {
  const [group, hidden] = await Promise.all([
    client.occupationGroup.findUnique({ where: { id: groupId }, select: { verificationStatus: true, suspendedReason: true } }),
    client.product.findMany({
      where: { groupId, hiddenAt: { not: null } },
      orderBy: [{ hiddenAt: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, titleTh: true, titleEn: true, hiddenReason: true },
    }),
  ]);
  const suspended = group?.verificationStatus === "SUSPENDED";
  return { suspended, suspendedReason: suspended ? (group?.suspendedReason ?? "") : null, hiddenProducts: hidden };
}

// ───── helpers ─────

async function lockedProduct(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new ModerationError("productNotFound");
  return tx.product.findUniqueOrThrow({
    where: { id },
    select: { id: true, slug: true, groupId: true, titleTh: true, titleEn: true, hiddenAt: true, hiddenReason: true },
  });
}

async function lockedGroup(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "OccupationGroup" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new ModerationError("groupNotFound");
  return tx.occupationGroup.findUniqueOrThrow({
    where: { id },
    select: { id: true, slug: true, verificationStatus: true, verifiedAt: true, suspendedReason: true },
  });
}

type Notice = "productHidden" | "productReinstated" | "groupSuspended" | "groupReinstated";

/** Emails each owner of the group, in their own language, through the outbox. */
async function tellOwners(tx: Tx, groupId: string, notice: Notice, values: { product?: string; productEn?: string; reason: string }) {
  const group = await tx.occupationGroup.findUniqueOrThrow({
    where: { id: groupId },
    select: { slug: true, nameTh: true, nameEn: true, memberships: { where: { role: "OWNER" }, select: { user: { select: { email: true, locale: true } } } } },
  });
  const origin = config().PUBLIC_URL?.replace(/\/$/, "");
  for (const { user } of group.memberships) {
    const lang = user.locale;
    const t = translator(lang);
    const vars = {
      group: lang === "en" ? group.nameEn || group.nameTh : group.nameTh,
      product: lang === "en" ? values.productEn || values.product : values.product,
      reason: values.reason,
    };
    const link = origin ? `\n\n${t("console.mail.workspace")}: ${origin}${lang === "en" ? "/en" : ""}/groups/${group.slug}/manage` : "";
    await sendEmail(tx, {
      to: user.email,
      subject: t(`console.mail.${notice}.subject`, vars),
      text: `${t(`console.mail.${notice}.text`, vars)}${link}\n\n${t("console.mail.signature")}`,
    });
  }
}

/**
 * Buyers following occupation groups (the GroupFollow table): following and unfollowing, the
 * count a group page shows, and the email each follower gets when the group lists a new
 * product. Only groups buyers may see can be followed; the email is written to the outbox in the
 * same transaction that lists the product, so a rolled-back listing tells nobody.
 */
import { config } from "~/config.server";
import type { Tx } from "~/db/client.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { visibleProducts } from "~/modules/catalog/visibility";
import { visibleGroups } from "~/modules/groups/visibility";
import { sendEmails, type Email } from "~/modules/notifications/email.server";
import { unfollowToken, type UnfollowGrant } from "./unfollow-token.server";

/** The group asked for does not exist or buyers may not see it. */
export class UnknownGroupError extends Error {
  readonly name = "UnknownGroupError";
}

/** A visible group by slug, for the follow page; null when there is none. */
export function followableGroup(slug: string) {
  return db().occupationGroup.findFirst({ where: { slug, ...visibleGroups }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
}

/** How many follow a group, and whether this user does. */
export async function followState(groupId: string, userId: string | null) {
  const [followers, mine] = await Promise.all([
    db().groupFollow.count({ where: { groupId } }),
    userId ? db().groupFollow.findUnique({ where: { userId_groupId: { userId, groupId } }, select: { userId: true } }) : null,
  ]);
  return { followers, following: Boolean(mine) };
}

/** Follows a visible group; following it again changes nothing. */
export async function followGroup(input: { userId: string; slug: string }, client: Client = db()) {
  return inTransaction(client, async (tx) => {
    const group = await tx.occupationGroup.findFirst({ where: { slug: input.slug, ...visibleGroups }, select: { id: true } });
    if (!group) throw new UnknownGroupError(input.slug);
    await tx.groupFollow.createMany({ data: [{ userId: input.userId, groupId: group.id }], skipDuplicates: true });
    return group;
  });
}

/** Ends a follow, by slug (the group page) or by the grant of a mailed link. Ending one that is not there is not an error. */
export async function unfollowGroup(input: { userId: string; slug: string } | UnfollowGrant, client: Client = db()) {
  return inTransaction(client, async (tx) => {
    const group = await tx.occupationGroup.findFirst({
      where: "slug" in input ? { slug: input.slug, ...visibleGroups } : { id: input.groupId },
      select: { id: true, slug: true, nameTh: true, nameEn: true },
    });
    if (!group) throw new UnknownGroupError("slug" in input ? input.slug : input.groupId);
    await tx.groupFollow.deleteMany({ where: { userId: input.userId, groupId: group.id } });
    return group;
  });
}

/** The group a mailed unfollow link names, for its confirmation page; null when it is gone. */
export function groupOfGrant(grant: UnfollowGrant) {
  return db().occupationGroup.findUnique({ where: { id: grant.groupId }, select: { id: true, slug: true, nameTh: true, nameEn: true } });
}

function origin(): string {
  return (config().PUBLIC_URL ?? `http://localhost:${config().PORT}`).replace(/\/$/, "");
}

/**
 * Tells every follower of the product's group, in their own language, that it is now for sale:
 * called where a product first becomes ACTIVE, in that transaction. Nothing is sent for a product
 * buyers cannot see (its group not verified, or hidden by staff). Each email is deduplicated by
 * product and follower, so listing, archiving and listing again tells no one twice.
 */
export async function tellFollowersOfNewProduct(tx: Tx, productId: string): Promise<number> {
  const product = await tx.product.findFirst({
    where: { id: productId, ...visibleProducts },
    select: {
      slug: true,
      titleTh: true,
      titleEn: true,
      priceSatang: true,
      group: { select: { id: true, nameTh: true, nameEn: true } },
    },
  });
  if (!product) return 0;
  const followers = await tx.groupFollow.findMany({
    where: { groupId: product.group.id },
    select: { user: { select: { id: true, email: true, locale: true } } },
  });
  const emails: (Email & { dedupeKey: string })[] = followers.map(({ user }) => {
    const lang = user.locale;
    const t = translator(lang);
    const group = pick(lang, product.group.nameTh, product.group.nameEn);
    const title = pick(lang, product.titleTh, product.titleEn);
    const unfollow = `${origin()}${href(lang, "/unfollow")}?token=${unfollowToken({ userId: user.id, groupId: product.group.id })}`;
    return {
      to: user.email,
      subject: t("followMail.subject", { group, title }),
      text: t("followMail.body", {
        group,
        title,
        price: formatMoney(product.priceSatang, lang),
        link: `${origin()}${href(lang, `/products/${product.slug}`)}`,
        unfollow,
      }),
      // Mail programs show their own one-click "unsubscribe" for these (RFC 8058); it posts to the same link.
      headers: { "List-Unsubscribe": `<${unfollow}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      dedupeKey: `new-product:${productId}:${user.id}`,
    };
  });
  return sendEmails(tx, emails);
}

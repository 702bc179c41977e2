/**
 * What staff see on the moderation page: what is hidden or suspended now, and the listings and
 * groups they look up (by words, or one group with all its listings), whatever their status.
 */
import { db } from "~/db/client.server";
import type { Client } from "~/db/transaction.server";

const productSelect = {
  id: true,
  slug: true,
  titleTh: true,
  titleEn: true,
  status: true,
  hiddenAt: true,
  hiddenReason: true,
  group: { select: { slug: true, nameTh: true, nameEn: true } },
} as const;

const groupSelect = {
  id: true,
  slug: true,
  nameTh: true,
  nameEn: true,
  verificationStatus: true,
  suspendedReason: true,
  province: { select: { nameTh: true, nameEn: true } },
} as const;

const LIMIT = 30;

export async function moderationView({ q, groupSlug }: { q: string; groupSlug: string | null }, client: Client = db()) {
  const text = q.trim();
  const contains = { contains: text, mode: "insensitive" as const };
  const [hidden, suspended, found, group] = await Promise.all([
    client.product.findMany({ where: { hiddenAt: { not: null } }, orderBy: [{ hiddenAt: "desc" }, { id: "asc" }], take: LIMIT, select: productSelect }),
    client.occupationGroup.findMany({ where: { verificationStatus: "SUSPENDED" }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: LIMIT, select: groupSelect }),
    text
      ? Promise.all([
          client.occupationGroup.findMany({
            where: { OR: [{ nameTh: contains }, { nameEn: contains }, { slug: contains }] },
            orderBy: { nameTh: "asc" },
            take: LIMIT,
            select: groupSelect,
          }),
          client.product.findMany({
            where: { status: { not: "ARCHIVED" }, OR: [{ titleTh: contains }, { titleEn: contains }, { slug: contains }] },
            orderBy: [{ titleTh: "asc" }, { id: "asc" }],
            take: LIMIT,
            select: productSelect,
          }),
        ])
      : null,
    groupSlug
      ? client.occupationGroup.findUnique({
          where: { slug: groupSlug },
          select: { ...groupSelect, products: { where: { status: { not: "ARCHIVED" } }, orderBy: [{ titleTh: "asc" }, { id: "asc" }], select: productSelect } },
        })
      : null,
  ]);
  return {
    hidden,
    suspended,
    found: found ? { groups: found[0], products: found[1] } : null,
    group,
  };
}

export type ModerationProduct = Awaited<ReturnType<typeof moderationView>>["hidden"][number];
export type ModerationGroup = Awaited<ReturnType<typeof moderationView>>["suspended"][number];

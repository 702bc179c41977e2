/**
 * Seeds the demo catalog (prisma/seed/catalog.json) and the demo accounts.
 * Idempotent: every row is upserted by its stable key (slug or email), so
 * `npm run db:seed` can run again on a live database and only brings the demo
 * rows back to the file's content.
 */
import type { Db, Tx } from "~/db/client.server";
import { hashPassword } from "~/modules/accounts/password.server";
import type { CommitteeRole } from "~/generated/prisma/client";
import type { MediaStorage } from "~/modules/media/storage.server";
import { readCatalogFile, type CatalogFile } from "./catalog-file";
import { certificationMeanings } from "./certification-meanings";
import { demoCollections } from "./collections";
import { seedPlaceholderImages } from "./placeholder-images";

export const DEMO_PASSWORD = "sammachip-demo";
export const demoAccounts = {
  consumer: { email: "buyer@demo.sammachip.test", name: "สมใจ ใจดี" },
  staff: { email: "staff@demo.sammachip.test", name: "ทีมงานวิสาหกิจเพื่อสังคม" },
  ownerOf: (groupSlug: string) => ({ email: `owner.${groupSlug}@demo.sammachip.test` }),
};

const committeeRoles: Record<string, CommitteeRole> = {
  president: "CHAIR",
  "vice-president": "VICE_CHAIR",
  treasurer: "TREASURER",
  secretary: "SECRETARY",
  marketing: "MARKETING",
  production: "PRODUCTION",
  auditor: "AUDITOR",
};

// Demo products get distinct creation times, a day apart in file order, so
// "newest first" is stable and meaningful.
const CATALOG_EPOCH = Date.UTC(2026, 0, 1);

export interface SeedReport {
  groups: number;
  products: number;
  accounts: number;
}

export async function seedDemo(
  db: Db,
  options: { catalog?: CatalogFile; onProgress?: (done: number, total: number) => void; storage?: MediaStorage } = {},
): Promise<SeedReport> {
  const catalog = options.catalog ?? readCatalogFile();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Rows, then one image per product and per group.
  const total = 2 * (catalog.groups.length + catalog.products.length);
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);

  await db.$transaction(
    async (tx) => {
      const categoryIds = await seedCategories(tx, catalog);
      const certificationIds = await seedCertifications(tx, catalog);
      const groupIds = new Map<string, string>();
      for (const group of catalog.groups) {
        groupIds.set(group.slug, await seedGroup(tx, group, certificationIds, passwordHash));
        tick();
      }
      for (const [index, product] of catalog.products.entries()) {
        await seedProduct(tx, product, index, { categoryIds, certificationIds, groupIds });
        tick();
      }
      await seedCollections(tx);
      for (const account of [
        { ...demoAccounts.consumer, role: "CONSUMER" as const },
        { ...demoAccounts.staff, role: "STAFF" as const },
      ]) {
        await tx.user.upsert({
          where: { email: account.email },
          create: { ...account, passwordHash },
          update: { name: account.name, role: account.role, passwordHash },
        });
      }
    },
    { timeout: 120_000 },
  );
  // After the rows are committed: encoding takes seconds and must not hold a transaction open.
  await seedPlaceholderImages(
    db,
    { products: catalog.products.map((product) => product.slug), groups: catalog.groups.map((group) => group.slug) },
    { storage: options.storage, onProgress: tick },
  );
  return { groups: catalog.groups.length, products: catalog.products.length, accounts: catalog.groups.length + 2 };
}

async function seedCategories(tx: Tx, catalog: CatalogFile) {
  const ids = new Map<string, string>();
  for (const [position, category] of catalog.categories.entries()) {
    const data = { nameTh: category.name_th, nameEn: category.name_en, position };
    const row = await tx.category.upsert({ where: { slug: category.slug }, create: { slug: category.slug, ...data }, update: data });
    ids.set(category.slug, row.id);
  }
  return ids;
}

async function seedCertifications(tx: Tx, catalog: CatalogFile) {
  const ids = new Map<string, string>();
  for (const certification of catalog.certifications) {
    const meaning = certificationMeanings[certification.slug];
    const data = {
      nameTh: certification.name_th,
      nameEn: certification.name_en,
      meaningTh: meaning?.th ?? null,
      meaningEn: meaning?.en ?? null,
    };
    const row = await tx.certification.upsert({
      where: { slug: certification.slug },
      create: { slug: certification.slug, ...data },
      update: data,
    });
    ids.set(certification.slug, row.id);
  }
  return ids;
}

function provinceSlug(nameEn: string): string {
  return nameEn.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

async function seedGroup(
  tx: Tx,
  group: CatalogFile["groups"][number],
  certificationIds: Map<string, string>,
  passwordHash: string,
): Promise<string> {
  const province = await tx.province.upsert({
    where: { nameTh: group.province_th },
    create: { slug: provinceSlug(group.province_en), nameTh: group.province_th, nameEn: group.province_en },
    update: { nameEn: group.province_en },
  });
  const data = {
    nameTh: group.name_th,
    nameEn: group.name_en,
    storyTh: group.story_th,
    storyEn: group.story_en,
    villageTh: group.village_th,
    villageEn: group.village_en,
    tambonTh: group.tambon_th,
    amphoeTh: group.amphoe_th,
    provinceId: province.id,
    foundedYear: group.founded_year,
    memberCount: group.member_count,
    communitySage: group.community_sage,
    otopStars: group.otop_stars ?? null,
    promptPayId: group.promptpay_id ?? null,
    verificationStatus: "VERIFIED" as const,
    verifiedAt: new Date(CATALOG_EPOCH),
  };
  const row = await tx.occupationGroup.upsert({ where: { slug: group.slug }, create: { slug: group.slug, ...data }, update: data });

  await tx.committeeMember.deleteMany({ where: { groupId: row.id } });
  await tx.committeeMember.createMany({
    data: group.committee.map((member, position) => ({
      groupId: row.id,
      role: committeeRoles[member.role] ?? "OTHER",
      name: member.name,
      position,
    })),
  });
  await tx.groupCertification.deleteMany({ where: { groupId: row.id } });
  await tx.groupCertification.createMany({
    data: group.certifications.map((slug) => ({ groupId: row.id, certificationId: required(certificationIds, slug) })),
  });

  const chair = group.committee.find((member) => member.role === "president")?.name ?? group.community_sage;
  const owner = await tx.user.upsert({
    where: { email: demoAccounts.ownerOf(group.slug).email },
    create: { email: demoAccounts.ownerOf(group.slug).email, name: chair, passwordHash },
    update: { name: chair, passwordHash },
  });
  await tx.groupMembership.upsert({
    where: { userId_groupId: { userId: owner.id, groupId: row.id } },
    create: { userId: owner.id, groupId: row.id, role: "OWNER" },
    update: { role: "OWNER" },
  });
  return row.id;
}

async function seedProduct(
  tx: Tx,
  product: CatalogFile["products"][number],
  index: number,
  ids: { categoryIds: Map<string, string>; certificationIds: Map<string, string>; groupIds: Map<string, string> },
) {
  const data = {
    groupId: required(ids.groupIds, product.group_slug),
    categoryId: required(ids.categoryIds, product.category),
    productType: product.product_type,
    titleTh: product.title_th,
    titleEn: product.title_en,
    storyTh: product.story_th,
    storyEn: product.story_en,
    priceSatang: product.price_satang,
    unitTh: product.unit_th,
    unitEn: product.unit_en,
    weightGrams: product.weight_grams,
    stock: product.stock,
    madeToOrder: product.made_to_order,
    leadTimeDays: product.made_to_order ? (product.lead_time_days ?? null) : null,
    status: "ACTIVE" as const,
  };
  const row = await tx.product.upsert({
    where: { slug: product.slug },
    create: { slug: product.slug, ...data, createdAt: new Date(CATALOG_EPOCH + index * 86_400_000) },
    update: data,
  });
  await tx.productCertification.deleteMany({ where: { productId: row.id } });
  await tx.productCertification.createMany({
    data: product.certifications.map((slug) => ({ productId: row.id, certificationId: required(ids.certificationIds, slug) })),
  });
}

async function seedCollections(tx: Tx) {
  for (const [position, collection] of demoCollections.entries()) {
    const { items, ...fields } = collection;
    const data = { ...fields, position, published: true };
    const row = await tx.collection.upsert({ where: { slug: fields.slug }, create: data, update: data });
    const products = await tx.product.findMany({ where: { slug: { in: items } }, select: { id: true, slug: true } });
    const bySlug = new Map(products.map((product) => [product.slug, product.id]));
    await tx.collectionItem.deleteMany({ where: { collectionId: row.id } });
    await tx.collectionItem.createMany({
      data: items.map((slug, itemPosition) => ({
        collectionId: row.id,
        productId: required(bySlug, slug),
        position: itemPosition,
      })),
    });
  }
}

function required(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`The demo catalog refers to "${key}", which it does not define`);
  return id;
}

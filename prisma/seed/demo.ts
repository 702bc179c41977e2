/**
 * Seeds the demo catalog (prisma/seed/catalog.json) and the demo accounts, in one short
 * transaction of set-based writes (createMany, a few reads), so a fresh store opens in seconds.
 * Idempotent and safe on a live database: rows are keyed by slug or email, missing ones are
 * created, and an existing row is only brought up to date where its values are still the seed's
 * (./ownership.ts): what a group changed is kept.
 *
 * The demo pictures are not drawn here: `seedDemoImages` (./placeholder-images.ts) encodes them
 * afterwards, and the server runs it in the background once the store is open (products show
 * their generated /art placeholder until then).
 */
import type { Db, Tx } from "~/db/client.server";
import { hashPassword } from "~/modules/accounts/password.server";
import { productsChanged } from "~/modules/catalog/changes.server";
import { provinceSlugOf } from "~/modules/groups/provinces";
import { readCatalogFile, type CatalogFile } from "./catalog-file";
import { committeeRoles, groupColumns, productColumns, shippingColumns } from "./catalog-rows";
import { certificationMeanings } from "./certification-meanings";
import { demoCollections } from "./collections";
import { readSeedHistory, seedUpdate, type SeedHistory } from "./ownership";
import { seedPlaceholderImages, type PlaceholderOptions } from "./placeholder-images";

export const DEMO_PASSWORD = "sammachip-demo";
export const demoAccounts = {
  consumer: { email: "buyer@demo.sammachip.test", name: "สมใจ ใจดี" },
  staff: { email: "staff@demo.sammachip.test", name: "ทีมงานวิสาหกิจเพื่อสังคม" },
  ownerOf: (groupSlug: string) => ({ email: `owner.${groupSlug}@demo.sammachip.test` }),
};

// Demo products get distinct creation times, a day apart in file order, so
// "newest first" is stable and meaningful.
const CATALOG_EPOCH = Date.UTC(2026, 0, 1);

export interface SeedReport {
  groups: number;
  products: number;
  accounts: number;
  /** Rows the seed made this time, and rows it brought up to date. */
  created: { groups: number; products: number; shippingMethods: number };
  updated: { groups: number; products: number };
  /** Values the seed found changed by someone and left alone (see ./ownership.ts). */
  kept: number;
}

/** The steps the progress bar counts: each is a handful of set-based statements. */
const STEPS = 9;

export async function seedDemo(
  db: Db,
  options: { catalog?: CatalogFile; history?: SeedHistory; onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedReport> {
  const catalog = options.catalog ?? readCatalogFile();
  const history = options.history ?? readSeedHistory();
  let done = 0;
  const step = () => options.onProgress?.(++done, STEPS);
  const report: SeedReport = {
    groups: catalog.groups.length,
    products: catalog.products.length,
    accounts: catalog.groups.length + 2,
    created: { groups: 0, products: 0, shippingMethods: 0 },
    updated: { groups: 0, products: 0 },
    kept: 0,
  };
  // Hashing is slow on purpose (Argon2id): only when an account is missing.
  const emails = [demoAccounts.consumer.email, demoAccounts.staff.email, ...catalog.groups.map((group) => demoAccounts.ownerOf(group.slug).email)];
  const knownEmails = await db.user.count({ where: { email: { in: emails } } });
  const passwordHash = knownEmails < emails.length ? await hashPassword(DEMO_PASSWORD) : "";
  const firstSeed = (await db.occupationGroup.count()) === 0;

  await db.$transaction(
    async (tx) => {
      const ids = await seedReferenceData(tx, catalog);
      step();
      const groups = await seedGroups(tx, catalog, ids.provinces, history, report);
      step();
      await seedCommittees(tx, catalog, groups);
      await tx.groupCertification.createMany({
        data: catalog.groups.flatMap((group) => group.certifications.map((slug) => ({ groupId: groups.ids.get(group.slug)!, certificationId: required(ids.certifications, slug) }))),
        skipDuplicates: true,
      });
      step();
      await seedOwners(tx, catalog, groups.ids, passwordHash);
      step();
      const products = await seedProducts(tx, catalog, { ...ids, groups: groups.ids }, history, report);
      step();
      await tx.productCertification.createMany({
        data: catalog.products.flatMap((product) => product.certifications.map((slug) => ({ productId: products.ids.get(product.slug)!, certificationId: required(ids.certifications, slug) }))),
        skipDuplicates: true,
      });
      step();
      report.created.shippingMethods = await seedShipping(tx, catalog, groups.ids);
      step();
      await seedCollections(tx, products.ids);
      step();
      await tx.user.createMany({
        data: [
          { ...demoAccounts.consumer, role: "CONSUMER" as const, passwordHash },
          { ...demoAccounts.staff, role: "STAFF" as const, passwordHash },
        ],
        skipDuplicates: true,
      });
      // On a live store, search and every instance's page cache follow what changed (nothing on a
      // second run). A first seed needs neither: the store builds its index from the rows at start.
      if (!firstSeed) {
        const changedGroupSlugs = new Set(groups.changed);
        const changed = catalog.products.filter((product) => products.changed.has(product.slug) || changedGroupSlugs.has(product.group_slug));
        await productsChanged(tx, changed.map((product) => product.slug));
      }
      step();
    },
    { timeout: 120_000 },
  );
  return report;
}

/** Seeds the demo pictures (see ./placeholder-images.ts) for the catalog's products and groups. */
export function seedDemoImages(db: Db, options: PlaceholderOptions & { catalog?: CatalogFile } = {}) {
  const catalog = options.catalog ?? readCatalogFile();
  return seedPlaceholderImages(db, { products: catalog.products.map((product) => product.slug), groups: catalog.groups.map((group) => group.slug) }, options);
}

const idsBy = <K extends string>(rows: ({ id: string } & Record<K, string>)[], key: K) => new Map(rows.map((row) => [row[key], row.id]));

async function seedReferenceData(tx: Tx, catalog: CatalogFile) {
  await tx.category.createMany({
    data: catalog.categories.map((category, position) => ({ slug: category.slug, nameTh: category.name_th, nameEn: category.name_en, position })),
    skipDuplicates: true,
  });
  await tx.certification.createMany({
    data: catalog.certifications.map((certification) => ({ slug: certification.slug, nameTh: certification.name_th, nameEn: certification.name_en })),
    skipDuplicates: true,
  });
  // A badge's meaning is filled where it is still empty.
  for (const [slug, meaning] of Object.entries(certificationMeanings)) {
    await tx.certification.updateMany({ where: { slug, meaningTh: null }, data: { meaningTh: meaning.th } });
    await tx.certification.updateMany({ where: { slug, meaningEn: null }, data: { meaningEn: meaning.en } });
  }
  const provinces = new Map(catalog.groups.map((group) => [group.province_th, { nameTh: group.province_th, nameEn: group.province_en, slug: provinceSlugOf(group.province_en) }]));
  await tx.province.createMany({ data: [...provinces.values()], skipDuplicates: true });
  const slugs = (list: { slug: string }[]) => ({ in: list.map((row) => row.slug) });
  return {
    categories: idsBy(await tx.category.findMany({ where: { slug: slugs(catalog.categories) }, select: { id: true, slug: true } }), "slug"),
    certifications: idsBy(await tx.certification.findMany({ where: { slug: slugs(catalog.certifications) }, select: { id: true, slug: true } }), "slug"),
    provinces: idsBy(await tx.province.findMany({ where: { nameTh: { in: [...provinces.keys()] } }, select: { id: true, nameTh: true } }), "nameTh"),
  };
}

type Upserted = { created: string[]; updated: string[]; kept: number };

/**
 * Creates a table's missing rows and brings the existing ones up to date where the values are
 * still the seed's (./ownership.ts). `existing` holds each row's id, slug and seeded columns.
 */
async function upsertBySlug(
  entries: { slug: string; columns: Record<string, unknown> }[],
  existing: Record<string, unknown>[],
  earlier: SeedHistory["groups"],
  write: { create: (missing: string[]) => Promise<unknown>; update: (id: string, data: Record<string, unknown>) => Promise<unknown> },
): Promise<Upserted> {
  const rows = new Map(existing.map((row) => [row.slug as string, row]));
  const result: Upserted = { created: entries.filter((entry) => !rows.has(entry.slug)).map((entry) => entry.slug), updated: [], kept: 0 };
  if (result.created.length > 0) await write.create(result.created);
  for (const { slug, columns } of entries) {
    const row = rows.get(slug);
    if (!row) continue;
    const data = seedUpdate(row, columns, earlier[slug]);
    result.kept += Object.keys(columns).filter((column) => row[column] !== columns[column] && !(column in data)).length;
    if (Object.keys(data).length === 0) continue;
    await write.update(row.id as string, data);
    result.updated.push(slug);
  }
  return result;
}

/** A Prisma select of a row's id, slug and the given columns. */
const seededSelect = (columns: Record<string, unknown>) => Object.fromEntries(["id", "slug", ...Object.keys(columns)].map((column) => [column, true]));

async function seedGroups(tx: Tx, catalog: CatalogFile, provinces: Map<string, string>, history: SeedHistory, report: SeedReport) {
  const entries = catalog.groups.map((group) => ({ slug: group.slug, columns: groupColumns(group), group }));
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const where = { slug: { in: [...bySlug.keys()] } };
  const existing = entries.length === 0 ? [] : await tx.occupationGroup.findMany({ where, select: seededSelect(entries[0].columns) });
  const result = await upsertBySlug(entries, existing, history.groups, {
    create: (missing) =>
      tx.occupationGroup.createMany({
        data: missing.map((slug) => {
          const { group, columns } = bySlug.get(slug)!;
          return { slug, ...columns, provinceId: required(provinces, group.province_th), verifiedAt: new Date(CATALOG_EPOCH) };
        }),
      }),
    update: (id, data) => tx.occupationGroup.update({ where: { id }, data }),
  });
  report.created.groups = result.created.length;
  report.updated.groups = result.updated.length;
  report.kept += result.kept;
  const ids = idsBy(await tx.occupationGroup.findMany({ where, select: { id: true, slug: true } }), "slug");
  return { ids, changed: result.updated };
}

/** A group without a committee gets the file's; a committee the seed wrote gets its members' English names where they are empty. */
async function seedCommittees(tx: Tx, catalog: CatalogFile, groups: { ids: Map<string, string> }) {
  const rows = await tx.committeeMember.findMany({ where: { groupId: { in: [...groups.ids.values()] } }, select: { id: true, groupId: true, name: true, nameEn: true, position: true } });
  const byGroup = new Map<string, typeof rows>();
  for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row]);
  const fresh = catalog.groups.filter((group) => !byGroup.has(groups.ids.get(group.slug)!));
  await tx.committeeMember.createMany({
    data: fresh.flatMap((group) =>
      group.committee.map((member, position) => ({
        groupId: groups.ids.get(group.slug)!,
        role: committeeRoles[member.role] ?? "OTHER",
        name: member.name,
        nameEn: member.name_en ?? null,
        position,
      })),
    ),
  });
  for (const group of catalog.groups) {
    const members = byGroup.get(groups.ids.get(group.slug)!) ?? [];
    for (const [position, member] of group.committee.entries()) {
      const row = members.find((candidate) => candidate.position === position && candidate.name === member.name);
      if (row && !row.nameEn && member.name_en) await tx.committeeMember.update({ where: { id: row.id }, data: { nameEn: member.name_en } });
    }
  }
}

/** One owner account per group (its chair's name), created when missing; an existing account is the person's own. */
async function seedOwners(tx: Tx, catalog: CatalogFile, groupIds: Map<string, string>, passwordHash: string) {
  const owners = catalog.groups.map((group) => ({
    email: demoAccounts.ownerOf(group.slug).email,
    name: group.committee.find((member) => member.role === "president")?.name ?? group.community_sage,
    groupId: required(groupIds, group.slug),
  }));
  await tx.user.createMany({ data: owners.map(({ email, name }) => ({ email, name, passwordHash })), skipDuplicates: true });
  const users = idsBy(await tx.user.findMany({ where: { email: { in: owners.map((owner) => owner.email) } }, select: { id: true, email: true } }), "email");
  await tx.groupMembership.createMany({
    data: owners.map((owner) => ({ userId: required(users, owner.email), groupId: owner.groupId, role: "OWNER" as const })),
    skipDuplicates: true,
  });
}

async function seedProducts(
  tx: Tx,
  catalog: CatalogFile,
  ids: { categories: Map<string, string>; groups: Map<string, string> },
  history: SeedHistory,
  report: SeedReport,
) {
  const entries = catalog.products.map((product, index) => ({ slug: product.slug, columns: productColumns(product), product, index }));
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const where = { slug: { in: [...bySlug.keys()] } };
  const existing = entries.length === 0 ? [] : await tx.product.findMany({ where, select: seededSelect(entries[0].columns) });
  const result = await upsertBySlug(entries, existing, history.products, {
    create: (missing) =>
      tx.product.createMany({
        data: missing.map((slug) => {
          const { product, columns, index } = bySlug.get(slug)!;
          return {
            slug,
            ...columns,
            groupId: required(ids.groups, product.group_slug),
            categoryId: required(ids.categories, product.category),
            createdAt: new Date(CATALOG_EPOCH + index * 86_400_000),
          };
        }),
      }),
    update: (id, data) => tx.product.update({ where: { id }, data }),
  });
  report.created.products = result.created.length;
  report.updated.products = result.updated.length;
  report.kept += result.kept;
  const productIds = idsBy(await tx.product.findMany({ where, select: { id: true, slug: true } }), "slug");
  return { ids: productIds, changed: new Set([...result.created, ...result.updated]) };
}

/** A group that has no shipping methods gets the file's; a group with any keeps its own list as it is. */
async function seedShipping(tx: Tx, catalog: CatalogFile, groupIds: Map<string, string>): Promise<number> {
  const withMethods = new Set((await tx.shippingMethod.groupBy({ by: ["groupId"], where: { groupId: { in: [...groupIds.values()] } } })).map((row) => row.groupId));
  const data = catalog.groups
    .filter((group) => !withMethods.has(required(groupIds, group.slug)))
    .flatMap((group) => (group.shipping ?? []).map((method, position) => ({ groupId: required(groupIds, group.slug), ...shippingColumns(method, position) })));
  const { count } = await tx.shippingMethod.createMany({ data });
  return count;
}

/** Staff curate collections; the seed only creates the demo ones that are missing. */
async function seedCollections(tx: Tx, productIds: Map<string, string>) {
  const existing = new Set((await tx.collection.findMany({ where: { slug: { in: demoCollections.map((collection) => collection.slug) } }, select: { slug: true } })).map((row) => row.slug));
  for (const [position, collection] of demoCollections.entries()) {
    if (existing.has(collection.slug)) continue;
    const { items, ...fields } = collection;
    const row = await tx.collection.create({ data: { ...fields, position, published: true }, select: { id: true } });
    await tx.collectionItem.createMany({
      data: items.map((slug, itemPosition) => ({ collectionId: row.id, productId: required(productIds, slug), position: itemPosition })),
    });
  }
}

function required(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`The demo catalog refers to "${key}", which it does not define`);
  return id;
}

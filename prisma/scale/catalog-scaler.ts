/**
 * Grows the catalog to N active products for load tests by cloning the demo
 * catalog's groups and products with varied slugs, titles, prices, provinces
 * and dates. Deterministic (a seeded generator per index) and a top-up: items
 * are numbered, so a second run with the same N adds nothing and a larger N
 * adds only the difference. Synthetic products have no images; pages fall
 * back to the generated /art placeholder for them.
 */
import type { Db } from "~/db/client.server";
import { seededRandom as random } from "~/cli/seeded-random";

/** Synthetic groups' slugs start with this, which is how synthetic rows are recognised. */
export const SYNTHETIC_GROUP_PREFIX = "scale-";
const PRODUCTS_PER_GROUP = 50;
const BATCH = 5_000;
const EPOCH = Date.UTC(2026, 0, 1);

const variantsTh = ["สูตรดั้งเดิม", "รุ่นพิเศษ", "ขนาดครอบครัว", "ชุดของฝาก", "ล็อตใหม่", "งานมือ", "สีธรรมชาติ", "ออร์แกนิก"];
const variantsEn = ["Original recipe", "Special edition", "Family size", "Gift set", "New batch", "Handmade", "Natural dye", "Organic"];


function pickFrom<T>(items: T[], next: () => number): T {
  return items[Math.floor(next() * items.length)];
}

export interface ScaleReport {
  before: number;
  after: number;
  added: number;
  groupsAdded: number;
}

export async function scaleCatalog(
  db: Db,
  options: { products: number; onProgress?: (done: number, total: number) => void },
): Promise<ScaleReport> {
  const before = await db.product.count({ where: { status: "ACTIVE" } });
  const wanted = Math.max(0, options.products - before);
  if (wanted === 0) return { before, after: before, added: 0, groupsAdded: 0 };

  const templates = await db.product.findMany({
    where: { status: "ACTIVE", group: { slug: { not: { startsWith: SYNTHETIC_GROUP_PREFIX } } } },
    orderBy: { slug: "asc" },
  });
  const baseGroups = await db.occupationGroup.findMany({
    where: { slug: { not: { startsWith: SYNTHETIC_GROUP_PREFIX } } },
    orderBy: { slug: "asc" },
  });
  const provinces = await db.province.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
  if (templates.length === 0 || baseGroups.length === 0) throw new Error("The catalog has no demo products to clone: seed it first (npm run db:seed)");

  const firstIndex = await db.product.count({ where: { group: { slug: { startsWith: SYNTHETIC_GROUP_PREFIX } } } });
  const lastIndex = firstIndex + wanted; // exclusive

  // Groups first: product i belongs to synthetic group floor(i / 50).
  const groupsBefore = await db.occupationGroup.count({ where: { slug: { startsWith: SYNTHETIC_GROUP_PREFIX } } });
  const groupsNeeded = Math.ceil(lastIndex / PRODUCTS_PER_GROUP);
  const groupRows = [];
  for (let g = groupsBefore; g < groupsNeeded; g++) {
    const next = random(0x9e3779b9 ^ g);
    const { id: _id, createdAt: _c, updatedAt: _u, coverImageId: _cover, ...base } = pickFrom(baseGroups, next);
    groupRows.push({
      ...base,
      slug: `${SYNTHETIC_GROUP_PREFIX}${g}-${base.slug}`.slice(0, 110),
      nameTh: `${base.nameTh} เครือข่ายที่ ${g + 1}`,
      nameEn: `${base.nameEn} network ${g + 1}`,
      provinceId: pickFrom(provinces, next).id,
      memberCount: 5 + Math.floor(next() * 80),
      verificationStatus: "VERIFIED" as const,
    });
  }
  for (let i = 0; i < groupRows.length; i += BATCH) {
    await db.occupationGroup.createMany({ data: groupRows.slice(i, i + BATCH), skipDuplicates: true });
  }
  const groupIds = new Map(
    (await db.occupationGroup.findMany({ where: { slug: { startsWith: SYNTHETIC_GROUP_PREFIX } }, select: { id: true, slug: true } })).map(
      (group) => [Number(group.slug.slice(SYNTHETIC_GROUP_PREFIX.length).split("-")[0]), group.id],
    ),
  );

  // Products go in as arrays unnested by PostgreSQL, joined to their template
  // row for the long text columns: one statement per batch and little to send,
  // several times faster than createMany's per-row parameters.
  for (let start = firstIndex; start < lastIndex; start += BATCH) {
    const batch = { id: [] as string[], slug: [] as string[], template: [] as string[], group: [] as string[], titleTh: [] as string[], titleEn: [] as string[], price: [] as number[], stock: [] as number[], created: [] as Date[] };
    for (let i = start; i < Math.min(start + BATCH, lastIndex); i++) {
      const next = random(i + 1);
      const template = pickFrom(templates, next);
      const variant = Math.floor(next() * variantsTh.length);
      const groupId = groupIds.get(Math.floor(i / PRODUCTS_PER_GROUP));
      if (!groupId) throw new Error(`Synthetic group ${Math.floor(i / PRODUCTS_PER_GROUP)} is missing`);
      batch.id.push(`scale-product-${i}`);
      batch.slug.push(`${template.slug}-s${i}`.slice(0, 118));
      batch.template.push(template.id);
      batch.group.push(groupId);
      batch.titleTh.push(`${template.titleTh} ${variantsTh[variant]}`);
      batch.titleEn.push(`${template.titleEn}, ${variantsEn[variant].toLowerCase()}`);
      batch.price.push(Math.max(100, Math.round((template.priceSatang * (0.6 + next())) / 100) * 100));
      batch.stock.push(template.madeToOrder ? 0 : Math.floor(next() * 60));
      batch.created.push(new Date(EPOCH - Math.floor(next() * 730 * 86_400_000)));
    }
    await db.$executeRaw`
      INSERT INTO "Product" ("id", "slug", "groupId", "categoryId", "productType", "titleTh", "titleEn", "storyTh", "storyEn",
        "priceSatang", "unitTh", "unitEn", "weightGrams", "stock", "madeToOrder", "leadTimeDays", "status", "createdAt", "updatedAt")
      SELECT v.id, v.slug, v.group_id, t."categoryId", t."productType", v.title_th, v.title_en, t."storyTh", t."storyEn",
        v.price, t."unitTh", t."unitEn", t."weightGrams", v.stock, t."madeToOrder", t."leadTimeDays", 'ACTIVE', v.created, now()
      FROM unnest(${batch.id}::text[], ${batch.slug}::text[], ${batch.template}::text[], ${batch.group}::text[], ${batch.titleTh}::text[],
        ${batch.titleEn}::text[], ${batch.price}::int[], ${batch.stock}::int[], ${batch.created}::timestamp(3)[])
        AS v(id, slug, template_id, group_id, title_th, title_en, price, stock, created)
      JOIN "Product" t ON t."id" = v.template_id
      ON CONFLICT DO NOTHING`;
    options.onProgress?.(Math.min(start + BATCH, lastIndex) - firstIndex, wanted);
  }
  // Fresh planner statistics, or the first queries after a 10× growth plan as if the table were tiny.
  await db.$executeRawUnsafe(`ANALYZE "Product", "OccupationGroup"`);
  const after = await db.product.count({ where: { status: "ACTIVE" } });
  return { before, after, added: after - before, groupsAdded: groupRows.length };
}

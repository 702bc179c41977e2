/** The catalog scaler tops up to N active products, deterministically, and a second run adds nothing. */
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { SYNTHETIC_GROUP_PREFIX, scaleCatalog } from "../prisma/scale/catalog-scaler";

describe("scaleCatalog", () => {
  it("tops up to N, is idempotent for the same N, and makes browsable products", async () => {
    const before = await db().product.count({ where: { status: "ACTIVE" } });
    const progress: number[] = [];
    const report = await scaleCatalog(db(), { products: before + 120, onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ before, after: before + 120, added: 120, groupsAdded: 3 });
    expect(progress.at(-1)).toBe(120);
    expect(await scaleCatalog(db(), { products: before + 120 })).toMatchObject({ added: 0 });

    const clone = await db().product.findUniqueOrThrow({ where: { id: "scale-product-7" }, include: { group: true } });
    expect(clone.slug).toMatch(/-s7$/);
    expect(clone.group.slug.startsWith(SYNTHETIC_GROUP_PREFIX)).toBe(true);
    expect(clone.group.verificationStatus).toBe("VERIFIED");
    expect(clone.priceSatang % 100).toBe(0);
    expect(new Set((await db().product.findMany({ where: { id: { startsWith: "scale-" } }, select: { priceSatang: true } })).map((p) => p.priceSatang)).size).toBeGreaterThan(20);

    // A larger N adds only the difference, continuing the numbering.
    expect(await scaleCatalog(db(), { products: before + 130 })).toMatchObject({ added: 10, groupsAdded: 0 });
    expect(await db().product.count({ where: { id: { startsWith: "scale-product-" } } })).toBe(130);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { readCatalogFile } from "../prisma/seed/catalog-file";
import { demoAccounts, seedDemo } from "../prisma/seed/demo";

describe("the demo seed", () => {
  it("loads every group and product of the catalog with its stable slug", async () => {
    const catalog = readCatalogFile();
    expect(await db().occupationGroup.count()).toBe(catalog.groups.length);
    expect(await db().product.count({ where: { status: "ACTIVE" } })).toBe(catalog.products.length);
    const mat = await db().product.findUniqueOrThrow({ where: { slug: "ban-thon-krajood-krajood-mat" } });
    expect(mat.titleTh).toBe("เสื่อกระจูด");
    expect(mat.titleEn).toBe("Krajood sedge mat");
    expect(Number.isInteger(mat.priceSatang)).toBe(true);
  });

  it("creates one owner per group, a consumer and a staff member", async () => {
    const owners = await db().groupMembership.count({ where: { role: "OWNER" } });
    expect(owners).toBe(30);
    expect((await db().user.findUniqueOrThrow({ where: { email: demoAccounts.staff.email } })).role).toBe("STAFF");
    expect((await db().user.findUniqueOrThrow({ where: { email: demoAccounts.consumer.email } })).role).toBe("CONSUMER");
  });

  it("is idempotent: seeding again changes no counts and keeps what a group changed", async () => {
    const counts = () =>
      Promise.all([db().product.count(), db().user.count(), db().committeeMember.count(), db().collectionItem.count(), db().shippingMethod.count(), db().productCertification.count()]);
    const before = await counts();
    await db().product.update({ where: { slug: "ban-thon-krajood-krajood-mat" }, data: { titleTh: "เสื่อกระจูดลายใหม่" } });
    const report = await seedDemo(db());
    expect(await counts()).toEqual(before);
    expect(report.created).toEqual({ groups: 0, products: 0, shippingMethods: 0 });
    expect(report.updated).toEqual({ groups: 0, products: 0 });
    expect(report.kept).toBe(1);
    const mat = await db().product.findUniqueOrThrow({ where: { slug: "ban-thon-krajood-krajood-mat" } });
    expect(mat.titleTh).toBe("เสื่อกระจูดลายใหม่");
  });
});

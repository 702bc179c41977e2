/**
 * Share cards through their route (/og/…): what a link preview shows for a product and a group,
 * in each language, after a photo upload, and the 404s for what buyers may not see.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { addProductPhoto } from "~/modules/media/media.server";
import * as ogRoute from "~/routes/og.$kind.$file";
import { demoAccounts } from "../prisma/seed/demo";
import { userByEmail } from "./helpers";

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "sammachip-og-"));
process.env.MEDIA_DIR = mediaDir;
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

const matSlug = "ban-thon-krajood-krajood-mat";
const context = { clientAddress: "127.0.0.1" };

async function card(kind: string, file: string): Promise<Response> {
  try {
    return (await ogRoute.loader({ request: new Request(`http://t/og/${kind}/${file}`), params: { kind, file }, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function png(kind: string, file: string): Promise<Buffer> {
  const response = await card(kind, file);
  expect(response.status, `/og/${kind}/${file}`).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("image/png");
  return Buffer.from(await response.arrayBuffer());
}

const pixels = (image: Buffer) => sharp(image).removeAlpha().raw().toBuffer();

describe("share cards", () => {
  it("are 1200×630 PNGs for a product and a group, different in English", async () => {
    const thai = await png("product", `${matSlug}.png`);
    expect(await sharp(thai).metadata()).toMatchObject({ format: "png", width: 1200, height: 630 });
    const english = await png("product", `${matSlug}.en.png`);
    expect((await pixels(english)).equals(await pixels(thai))).toBe(false);
    await png("group", "ban-thon-krajood.png");
    await png("group", "ban-thon-krajood.en.png");
  });

  it("draw the product's photo once the group uploads one", async () => {
    const before = await png("product", `${matSlug}.png`);
    const mat = await db().product.findUniqueOrThrow({ where: { slug: matSlug }, select: { id: true, groupId: true } });
    const owner = await userByEmail(demoAccounts.ownerOf("ban-thon-krajood").email);
    const red = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 20, b: 30 } } }).jpeg().toBuffer();
    await addProductPhoto({ groupId: mat.groupId, productId: mat.id, actorId: owner.id, file: red });

    const after = await png("product", `${matSlug}.png`);
    expect((await pixels(after)).equals(await pixels(before))).toBe(false);
    const [r, g, b] = await sharp(after).extract({ left: 315, top: 315, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
    expect(Math.abs(r - 200) + Math.abs(g - 20) + Math.abs(b - 30)).toBeLessThan(40);
  });

  it("are 404 for a hidden, missing or unverified product or group, and for odd file names", async () => {
    await db().product.updateMany({ where: { slug: { startsWith: "ban-thon-krajood-" }, NOT: { slug: matSlug } }, data: { hiddenAt: new Date(), hiddenReason: "test" } });
    const someHidden = await db().product.findFirstOrThrow({ where: { slug: { startsWith: "ban-thon-krajood-" }, hiddenAt: { not: null } }, select: { slug: true } });
    expect((await card("product", `${someHidden.slug}.png`)).status).toBe(404);
    expect((await card("product", "no-such-product.png")).status).toBe(404);
    const pending = await db().occupationGroup.findFirstOrThrow({ where: { slug: { not: "ban-thon-krajood" } }, select: { slug: true } });
    await db().occupationGroup.update({ where: { slug: pending.slug }, data: { verificationStatus: "PENDING" } });
    expect((await card("group", `${pending.slug}.png`)).status).toBe(404);
    for (const [kind, file] of [
      ["product", matSlug],
      ["product", `${matSlug}.jpg`],
      ["product", `${matSlug}.fr.png`],
      ["product", `../${matSlug}.png`],
      ["product", `${"a".repeat(200)}.png`],
      ["sage", `${matSlug}.png`],
    ]) {
      expect((await card(kind, file)).status, `/og/${kind}/${file}`).toBe(404);
    }
  });
});

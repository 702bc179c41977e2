/**
 * Roles hold at the HTTP boundary: the guards and a real route action, called
 * with real cookies, refuse consumers and members of other groups.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { setStock } from "~/modules/catalog/stock.server";
import { NotInGroupError } from "~/modules/groups/errors";
import { requireGroupRole, requireStaff, requireUser } from "~/web/guards.server";
import * as manageRoute from "~/routes/($lang).groups.$slug_.manage.products._index";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs, userByEmail } from "./helpers";

const krajood = "ban-thon-krajood";
const mudmee = "chonnabot-mudmee";
const owner = (slug: string) => demoAccounts.ownerOf(slug).email;

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function groupId(slug: string) {
  return (await db().occupationGroup.findUniqueOrThrow({ where: { slug } })).id;
}

describe("guards", () => {
  it("send a signed-out visitor of a protected page to sign in, and back to that page afterwards", async () => {
    for (const [asked, back, signin] of [
      ["http://t/groups/ban-thon-krajood/manage/products?x=1", "/groups/ban-thon-krajood/manage/products?x=1", "/signin"],
      ["http://t/en/staff", "/en/staff", "/en/signin"],
      ["http://t/en/groups/g/manage.data?_route=routes%2F(%24lang).groups.%24slug_.manage", "/en/groups/g/manage", "/en/signin"],
    ]) {
      const thrown = await requireUser(new Request(asked)).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).headers.get("Location")).toBe(`${signin}?redirectTo=${encodeURIComponent(back)}`);
    }
  });

  it("answer 401 to nobody and 403 to the wrong user", async () => {
    const group = await groupId(krajood);
    // A page asked for by nobody sends them to sign in and back; anything else is 401.
    expect(await status(requireUser(await requestAs(null, "http://t/")))).toBe(302);
    expect(await status(requireUser(await requestAs(null, "http://t/", { form: {} })))).toBe(401);
    expect(await status(requireGroupRole(await requestAs(null, "http://t/", { form: {} }), group, "MEMBER"))).toBe(401);
    expect(await status(requireGroupRole(await requestAs(demoAccounts.consumer.email, "http://t/"), group, "MEMBER"))).toBe(403);
    expect(await status(requireGroupRole(await requestAs(owner(mudmee), "http://t/"), group, "MEMBER"))).toBe(403);
    expect(await status(requireGroupRole(await requestAs(owner(krajood), "http://t/"), group, "OWNER"))).toBe(200);
    expect(await status(requireStaff(await requestAs(demoAccounts.consumer.email, "http://t/")))).toBe(403);
    expect(await status(requireStaff(await requestAs(owner(krajood), "http://t/")))).toBe(403);
    expect(await status(requireStaff(await requestAs(demoAccounts.staff.email, "http://t/")))).toBe(200);
  });

  it("do not let staff act for a group they are not a member of", async () => {
    expect(await status(requireGroupRole(await requestAs(demoAccounts.staff.email, "http://t/"), await groupId(krajood), "MEMBER"))).toBe(403);
  });
});

describe("setting stock through the group workspace", () => {
  const url = `http://t/groups/${krajood}/manage/products`;
  const params = { slug: krajood };
  const context = { clientAddress: "127.0.0.1" };

  async function product(slug = "ban-thon-krajood-krajood-mat") {
    return db().product.findUniqueOrThrow({ where: { slug } });
  }

  /** SEARCH_SYNC messages (payload `{productSlugs}`) that name this product. */
  async function searchMessagesNaming(slug: string) {
    const messages = await db().outboxMessage.findMany({ where: { topic: "SEARCH_SYNC" }, select: { payload: true } });
    return messages.filter((message) => (message.payload as { productSlugs?: string[] }).productSlugs?.includes(slug)).length;
  }

  it("works for the group's owner and is audited", async () => {
    const mat = await product();
    const before = await searchMessagesNaming(mat.slug);
    const request = await requestAs(owner(krajood), url, { form: { intent: "set-stock", productId: mat.id, stock: "17" } });
    const result = await manageRoute.action({ request, params, context });
    expect(result).toMatchObject({ data: { saved: true } });
    expect((await product()).stock).toBe(17);
    const audit = await db().auditLog.findFirstOrThrow({ where: { subjectId: mat.id, action: "product.stock.set" } });
    expect(audit.details).toEqual({ before: { stock: mat.stock }, after: { stock: 17 } });
    // The index hears about this product: one more search message naming its slug, written with the change.
    expect(await searchMessagesNaming(mat.slug)).toBe(before + 1);
  });

  it("is refused to a consumer and to another group's owner", async () => {
    const mat = await product();
    for (const email of [demoAccounts.consumer.email, owner(mudmee)]) {
      const request = await requestAs(email, url, { form: { intent: "set-stock", productId: mat.id, stock: "1" } });
      expect(await status(manageRoute.action({ request, params, context }))).toBe(403);
    }
    expect((await product()).stock).toBe(mat.stock);
  });

  it("cannot reach another group's product by forging its id", async () => {
    const silk = await product("chonnabot-mudmee-mudmee-silk-mak-chap-pattern");
    const request = await requestAs(owner(krajood), url, { form: { intent: "set-stock", productId: silk.id, stock: "99" } });
    expect(await status(manageRoute.action({ request, params, context }))).toBe(403);
    const actor = await userByEmail(owner(krajood));
    await expect(setStock({ groupId: await groupId(krajood), productId: silk.id, stock: 5, actorId: actor.id })).rejects.toBeInstanceOf(
      NotInGroupError,
    );
    expect((await product(silk.slug)).stock).toBe(silk.stock);
  });

  it("refuses a post without the CSRF token", async () => {
    const mat = await product();
    const signedIn = await requestAs(owner(krajood), url);
    const request = new Request(url, {
      method: "POST",
      headers: { Cookie: signedIn.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "set-stock", productId: mat.id, stock: "3" }),
    });
    expect(await status(manageRoute.action({ request, params, context }))).toBe(403);
  });

  it("answers a bad stock value with a field error and changes nothing", async () => {
    const mat = await product();
    const request = await requestAs(owner(krajood), url, { form: { intent: "set-stock", productId: mat.id, stock: "-4" } });
    const result = (await manageRoute.action({ request, params, context })) as {
      data: { result: { error: Record<string, string[]> } };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.result.error).toEqual({ stock: ["workspace.stockInvalid"] });
    expect((await product()).stock).toBe(mat.stock);
  });
});

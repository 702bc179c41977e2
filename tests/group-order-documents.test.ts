/**
 * What a group takes out of its workspace about orders: the CSV export (a BOM for Excel, RFC
 * 4180 quoting, no formulas from buyers' text, one row per item, only the group's own rows,
 * date ranges checked), the packing slip, and the production calendar.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import * as csvRoute from "~/routes/($lang).groups.$slug_.manage.orders[.]csv";
import * as productionRoute from "~/routes/($lang).groups.$slug_.manage.production";
import * as slipRoute from "~/routes/($lang).groups.$slug_.manage_.orders.$groupOrderId.slip";
import { demoAccounts } from "../prisma/seed/demo";
import { requestAs } from "./helpers";
import { groupIdOf, mat, order, outcome, silk } from "./order-fixtures";

const group = "tha-phra-women";
const owner = demoAccounts.ownerOf(group).email;
const context = { clientAddress: "127.0.0.1" };
const memberEmail = "member.documents@example.test";

/** RFC 4180, read back: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

async function download(email: string, search = "", lang = "") {
  const request = await requestAs(email, `http://t${lang}/groups/${group}/manage/orders.csv${search}`);
  return csvRoute.loader({ request, params: { slug: group, ...(lang ? { lang: "en" } : {}) }, context }).catch((thrown: unknown) => thrown as Response);
}

const bangkokToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date());

let otherMat: string;
beforeAll(async () => {
  const groupId = await groupIdOf(group);
  await db().product.update({ where: { slug: mat }, data: { stock: 100 } });
  const another = await db().product.findFirstOrThrow({ where: { groupId, slug: { not: mat }, status: "ACTIVE", madeToOrder: false, hiddenAt: null } });
  otherMat = (await db().product.update({ where: { id: another.id }, data: { stock: 100 } })).slug;
  const member = await db().user.create({ data: { email: memberEmail, name: "สมาชิก", passwordHash: "not-a-hash" } });
  await db().groupMembership.create({ data: { userId: member.id, groupId, role: "MEMBER" } });
});

describe("the CSV export", () => {
  it("is one row per item, only the group's own, quoted, with formulas made plain text, behind a BOM", async () => {
    const formula = await order(mat, { name: '=HYPERLINK("http://evil.example","click")' });
    const quoted = await order(mat, { name: 'สมศรี "ศรี", ใจงาม', also: [otherMat] });
    const theirs = await order(silk, { name: "ผู้ซื้อ กลุ่มอื่น" });
    const response = await download(owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="orders-${group}.csv"`);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Response.text() decodes UTF-8 and drops the BOM, as a spreadsheet does.
    const text = await response.text();
    expect(text).toContain('"สมศรี ""ศรี"", ใจงาม"');
    const [header, ...rows] = parseCsv(text);
    expect(header[0]).toBe("เลขคำสั่งซื้อ");
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    expect(rows.map((row) => row[0])).not.toContain(theirs.order.number);
    expect(text).not.toContain("ผู้ซื้อ กลุ่มอื่น");

    const formulaRows = rows.filter((row) => row[0] === formula.order.number);
    expect(formulaRows).toHaveLength(1);
    expect(formulaRows[0][3]).toBe('\'=HYPERLINK("http://evil.example","click")');
    // Written as people write it, so a spreadsheet keeps the leading zero.
    expect(formulaRows[0][4]).toBe("081-234-5678");
    const line = formula.lines[0];
    expect(formulaRows[0].slice(10, 16)).toEqual([
      String(line.quantity),
      (line.unitPriceSatang / 100).toFixed(2),
      ((line.unitPriceSatang * line.quantity) / 100).toFixed(2),
      (formula.itemsSatang / 100).toFixed(2),
      (formula.shippingSatang / 100).toFixed(2),
      (formula.platformFeeSatang / 100).toFixed(2),
    ]);

    // Two items, two rows; the group order's own figures only on the first, so a column sums right.
    const quotedRows = rows.filter((row) => row[0] === quoted.order.number);
    expect(quotedRows).toHaveLength(2);
    expect(quotedRows.map((row) => row[3])).toEqual(['สมศรี "ศรี", ใจงาม', 'สมศรี "ศรี", ใจงาม']);
    expect(quotedRows.map((row) => row[13] !== "")).toEqual([true, false]);
    expect(quotedRows[0][1]).toBe(bangkokToday());
  });

  it("speaks English under /en", async () => {
    const text = await (await download(owner, "", "/en")).text();
    expect(parseCsv(text)[0].slice(0, 3)).toEqual(["Order", "Date", "Status"]);
  });

  it("takes a range of days in Thai time, an empty field meaning no limit", async () => {
    await order(mat);
    const today = bangkokToday();
    const rowsOf = async (search: string) => parseCsv(await (await download(owner, search)).text()).length - 1;
    const all = await rowsOf("");
    expect(all).toBeGreaterThan(0);
    expect(await rowsOf(`?from=${today}&to=${today}`)).toBe(all);
    expect(await rowsOf("?from=&to=")).toBe(all);
    expect(await rowsOf("?to=2020-01-01")).toBe(0);
    const response = await download(owner, `?from=${today}`);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="orders-${group}-${today}.csv"`);
  });

  it("answers bad dates with a 400 in the user's language", async () => {
    for (const search of ["?from=2026-13-01", "?to=yesterday", "?from=2026-02-30", "?from=2026-11-02&to=2026-11-01"]) {
      const response = await download(owner, search);
      expect(response.status, search).toBe(400);
      expect(await response.text()).toMatch(/วันที่/);
    }
    expect(await (await download(owner, "?from=x", "/en")).text()).toMatch(/^That date is not valid/);
  });

  it("may be downloaded by any member, and by nobody outside the group", async () => {
    expect((await download(memberEmail)).status).toBe(200);
    expect((await download(demoAccounts.consumer.email)).status).toBe(403);
    expect((await download(demoAccounts.ownerOf("chonnabot-mudmee").email)).status).toBe(403);
  });

  it("refuses in the language of the address asked for: a download has no error page around it", async () => {
    const thai = await download(demoAccounts.consumer.email);
    expect(thai.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await thai.text()).toBe("บัญชีของคุณไม่มีสิทธิ์ทำรายการนี้");
    expect(await (await download(demoAccounts.consumer.email, "", "/en")).text()).toBe("Your account is not allowed to do this.");
  });
});

describe("the packing slip", () => {
  const slip = async (email: string, groupOrderId: string, search = "") =>
    outcome(slipRoute.loader({ request: await requestAs(email, `http://t/groups/${group}/manage/orders/${groupOrderId}/slip${search}`), params: { slug: group, groupOrderId }, context }));

  it("holds the recipient, the address, the lines and the shipping method, on A4 or 80 mm paper", async () => {
    const groupOrder = await order(mat, { quantity: 2, also: [otherMat] });
    for (const [search, format] of [["?format=thermal", "thermal"], ["?format=a4", "a4"], ["", "a4"], ["?format=letter", "a4"]]) {
      const { status, data } = await slip(memberEmail, groupOrder.id, search);
      expect(status).toBe(200);
      const view = data as Awaited<ReturnType<typeof slipRoute.loader>>;
      expect(view.format, search).toBe(format);
      expect(view.pickup).toBe(false);
      expect(view.groupOrder.order).toMatchObject({ number: groupOrder.order.number, recipientName: "สมศรี ใจงาม", phone: "0812345678", addressLine: "99/1 หมู่ 3", postcode: "40180" });
      expect(view.groupOrder.lines.map((line) => line.quantity).sort()).toEqual([1, 2]);
      expect(view.groupOrder.shippingNameTh).toBe("Kerry");
    }
  });

  it("says 'pickup' for an order picked up, and is a 404 for another group's order", async () => {
    const pickup = await order(mat, { pickup: true });
    expect(((await slip(owner, pickup.id)).data as Awaited<ReturnType<typeof slipRoute.loader>>).pickup).toBe(true);
    const theirs = await order(silk);
    expect((await slip(owner, theirs.id)).status).toBe(404);
    expect((await slip(demoAccounts.consumer.email, pickup.id)).status).toBe(403);
  });
});

describe("the production calendar", () => {
  it("shows 12 weeks of units booked against each made-to-order product's weekly capacity", async () => {
    const mudmee = "chonnabot-mudmee";
    const mudmeeOwner = demoAccounts.ownerOf(mudmee).email;
    // A product of its own, so the silk ordered by the tests above books no week here.
    const { id: _id, slug: _slug, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = await db().product.findUniqueOrThrow({ where: { slug: silk } });
    const made = await db().product.create({ data: { ...copy, slug: `calendar-${Date.now()}`, stock: 0, madeToOrder: true, capacityPerWeek: 5, leadTimeDays: 14 } });
    await order(made.slug, { quantity: 3 });
    await order(made.slug, { quantity: 3 });
    const calendar = await productionRoute.loader({ request: await requestAs(mudmeeOwner, `http://t/groups/${mudmee}/manage/production`), params: { slug: mudmee }, context });
    expect(calendar.weeks).toHaveLength(12);
    expect(calendar.weeks[0].first.getUTCDay()).toBe(1); // Monday
    expect(calendar.weeks[0].last.getUTCDay()).toBe(0); // Sunday
    const row = calendar.products.find((product) => product.id === made.id)!;
    expect(row.capacityPerWeek).toBe(5);
    const booked = row.weeks.map((week) => week.booked);
    expect(booked.reduce((sum, units) => sum + units, 0)).toBe(6);
    const firstBooked = booked.findIndex((units) => units > 0);
    expect(booked.slice(firstBooked, firstBooked + 2)).toEqual([5, 1]);
    expect(row.weeks[firstBooked].full).toBe(true);
    expect(row.weeks[firstBooked + 1].full).toBe(false);
  });

  it("lists each made-to-order product of the group to its members, and nobody else", async () => {
    const groupId = await groupIdOf(group);
    const madeToOrder = await db().product.count({ where: { groupId, madeToOrder: true } });
    const calendar = await productionRoute.loader({ request: await requestAs(memberEmail, `http://t/groups/${group}/manage/production`), params: { slug: group }, context });
    expect(calendar.products).toHaveLength(madeToOrder);
    const refused = await outcome(productionRoute.loader({ request: await requestAs(demoAccounts.consumer.email, `http://t/groups/${group}/manage/production`), params: { slug: group }, context }));
    expect(refused.status).toBe(403);
  });
});

/**
 * Odd input a search box receives: very long queries, only punctuation or emoji, mixed scripts,
 * zero-width and combining characters, right-to-left marks. Each must come back quickly, with the
 * results the visible words ask for, or with nothing (never "everything") when there is no word.
 * Run over 10,000 products so "quickly" means something.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBuiltinEngine } from "./builtin/engine.ts";
import { loadCatalogFile } from "./catalog.ts";
import { type SearchEngine, isWordless, parseSearchQuery } from "./port.ts";

let engine: SearchEngine;
let silk: string[];

beforeAll(async () => {
  const catalog = await loadCatalogFile(path.resolve(import.meta.dirname, "../prisma/seed/catalog.json"));
  const documents = Array.from({ length: 10_000 }, (_, i) => ({ ...catalog[i % catalog.length], slug: `${catalog[i % catalog.length].slug}-${i}` }));
  engine = createBuiltinEngine();
  await engine.index(documents);
  silk = (await engine.search({ q: "ผ้าไหม", perPage: 48 })).hits.map((hit) => hit.slug);
}, 60_000);

/**
 * Searches, failing if the answer took more work than a shopper would wait for. CPU time, not the
 * wall clock: on a machine shared by many jobs the wall clock measures the neighbours.
 */
async function timed(q: string) {
  const started = process.cpuUsage();
  const results = await engine.search({ q, perPage: 48 });
  const used = process.cpuUsage(started);
  expect((used.user + used.system) / 1000, q.slice(0, 40)).toBeLessThan(250);
  return results;
}

describe("bad input", () => {
  it("cuts very long queries and still answers from their first words", async () => {
    const long = "ผ้าไหมทอมือ".repeat(500);
    expect(parseSearchQuery({ q: long }).q.length).toBeLessThanOrEqual(200);
    for (const hit of (await timed(long)).hits.slice(0, 10)) expect(hit.document.titleTh).toContain("ไหม");
    expect((await timed("silk coffee basket rice honey indigo ".repeat(200))).total).toBeGreaterThan(0);
    expect((await timed("น้ำพิกผ้าใหมกาแฝไขเค็มกะเป๋า".repeat(40))).total).toBeGreaterThan(0);
    expect((await timed("qwxz ".repeat(2000))).total).toBe(0);
  });

  it("answers a query of only punctuation, symbols or emoji with nothing, not everything", async () => {
    for (const q of [`'"(){}<>%!?.,;:`, "🍚🧵🔥", "★☆♥", "฿฿฿", "...", "\u0301\u0301"]) {
      expect(isWordless(parseSearchQuery({ q }).q), q).toBe(true);
      const results = await timed(q);
      expect(results.total, q).toBe(0);
      expect(results.didYouMean, q).toBeUndefined();
    }
    expect((await timed("")).total).toBe(10_000); // an empty box still browses everything
  });

  it("reads zero-width, combining and direction characters as the word they decorate", async () => {
    const same = async (q: string) => (await timed(q)).hits.map((hit) => hit.slug);
    expect(await same("ผ้า\u200bไหม")).toEqual(silk);
    expect(await same("\u202eผ้าไหม\u202c")).toEqual(silk);
    expect(await same("\u200fผ้าไหม\u200e")).toEqual(silk);
    expect(await same("ผ้้้้้้าไหม")).toEqual(silk);
    expect(await same("\ufeffผ้าไหม")).toEqual(silk);
    const plainSilk = await same("silk");
    expect(await same("s\u0337\u0322i\u0338l\u0335k\u0336")).toEqual(plainSilk);
    expect(await same("ｓｉｌｋ")).toEqual(plainSilk);
    expect(parseSearchQuery({ q: "\u202eผ้าไหม\u200b" }).q).toBe("ผ้าไหม");
  });

  it("answers mixed scripts by their words, and unknown scripts with nothing", async () => {
    for (const hit of (await timed("ผ้าsilkไหม")).hits.slice(0, 3)) expect(hit.document.titleTh).toContain("ไหม");
    expect((await timed("сoffee")).didYouMean).toBe("coffee"); // a Cyrillic с
    expect((await timed("حرير")).total).toBe(0);
    expect((await timed("丝绸")).total).toBe(0);
  });
});

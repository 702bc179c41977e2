/**
 * `npm run --silent bench:checkout -- --buyers N --stock M [--spread]`: the integrity and speed
 * of checkout under simultaneous buyers. It starts the production store on its own embedded
 * PostgreSQL (or uses a running one: --url with DATABASE_URL), creates one verified group with a
 * pickup method and one product with M units (with --spread, one product per buyer with M
 * units each, so buyers never contend), then sends N buyers at once through the real HTTP path a
 * browser takes (token, add to basket, checkout page, place order), and counts from the database.
 * Progress goes to stderr; the last line on stdout is one JSON object:
 * {"buyers":200,"stock":50,"orders":50,"oversold":0,"errors":0,"orders_per_s":…,"p95_ms":…}
 * `orders_per_s` is orders placed per second of the whole run; `p95_ms` is the 95th percentile
 * of the "place order" request (the part that locks and writes); the whole buyer journey's
 * percentiles are reported beside it. `cpu_ms_per_order` splits what each order cost in CPU
 * between the store, PostgreSQL and the buyers' side (Linux only; null elsewhere).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const argsSchema = z.object({
  buyers: z.coerce.number().int().min(1).max(5000),
  stock: z.coerce.number().int().min(0).max(1_000_000),
  spread: z.boolean().default(false),
  concurrency: z.coerce.number().int().min(1).max(5000).optional(),
  url: z.url().optional(),
});
const USAGE = "usage: npm run --silent bench:checkout -- --buyers N --stock M [--spread] [--concurrency C] [--url http://… with DATABASE_URL]";
let args: z.infer<typeof argsSchema>;
try {
  const { values } = parseArgs({ options: { buyers: { type: "string" }, stock: { type: "string" }, spread: { type: "boolean" }, concurrency: { type: "string" }, url: { type: "string" } }, strict: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; "));
  args = parsed.data;
} catch (error) {
  process.stderr.write(`bench:checkout: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (args.url && !process.env.DATABASE_URL) {
  process.stderr.write(`bench:checkout: --url needs DATABASE_URL (the store's database) to set up and count\n${USAGE}\n`);
  process.exit(2);
}

const DATA_DIR = process.env.BENCH_DATA_DIR ?? ".data/bench-checkout";
const PORT = Number(process.env.BENCH_PORT ?? 3391);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54491);
process.env.DATA_DIR = DATA_DIR;

const { createDb } = await import("~/db/client.server");
const { startEmbeddedPostgres } = await import("~/db/embedded-postgres.server");
const { applyMigrations } = await import("~/db/migrations.server");
const { STORE_NODE_FLAGS, ensureCurrentBuild, stopChild } = await import("./load");
const { cpuPerUnit, readCpu } = await import("./cpu");

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const origin = args.url?.replace(/\/$/, "") ?? `http://127.0.0.1:${PORT}`;
let store: ChildProcess | null = null;
let stopDatabase = async () => {};

async function database(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port: PG_PORT });
  stopDatabase = () => server.stop();
  await server.dropDatabase("sammachip");
  return server.ensureDatabase("sammachip");
}

async function startStore(url: string): Promise<ChildProcess> {
  ensureCurrentBuild("build", log);
  const child = spawn(process.execPath, [...(process.env.BENCH_STORE_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_STORE_PROFILE}`] : []), ...STORE_NODE_FLAGS, "--import", "tsx", "app/server.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(PORT), DATABASE_URL: url, DATA_DIR, SEED_DEMO: "false", PAGE_CACHE_SECONDS: "0", SESSION_SECRET: crypto.randomBytes(32).toString("hex") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => process.stderr.write(`[store] ${chunk}`));
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[store] ${chunk}`));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the store exited with code ${child.exitCode}`);
    if (await fetch(`${origin}/healthz`).then((response) => response.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the store did not open within 120 s");
}

/** A tiny cookie jar: what a browser would send back. */
class Browser {
  private cookies = new Map<string, string>();
  async request(pathname: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "), Origin: origin };
    let body: string | undefined;
    if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(`${origin}${pathname}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return { status: response.status, location: response.headers.get("location"), text: await response.text() };
  }
}

const hidden = (html: string, name: string) => new RegExp(`name="${name.replace(/[.]/g, "\\.")}" value="([^"]*)"`).exec(html)?.[1] ?? "";

type Step = "token" | "add" | "checkoutPage" | "place";
type Outcome = { kind: "order" | "soldOut" | "busy" | "error"; placeMs: number; flowMs: number; steps?: Record<Step, number>; detail?: string };

async function buyer(productId: string, groupId: string, methodId: string, index: number): Promise<Outcome> {
  const browser = new Browser();
  const flowStart = performance.now();
  try {
    const { csrf } = JSON.parse((await browser.request("/api/csrf")).text) as { csrf: string };
    const tokenMs = performance.now() - flowStart;
    const added = await browser.request("/cart", { form: { csrf, intent: "add", productId, quantity: "1" } });
    const addMs = performance.now() - flowStart - tokenMs;
    if (added.status === 409) return { kind: "soldOut", placeMs: 0, flowMs: performance.now() - flowStart };
    if (added.status !== 302) return { kind: "error", placeMs: 0, flowMs: 0, detail: `add: HTTP ${added.status}` };
    const page = await browser.request("/checkout");
    if (page.status !== 200) return { kind: "error", placeMs: 0, flowMs: 0, detail: `checkout page: HTTP ${page.status}` };
    const placeStart = performance.now();
    const checkoutPageMs = placeStart - flowStart - tokenMs - addMs;
    const placed = await browser.request("/checkout", {
      form: {
        csrf: hidden(page.text, "csrf"),
        checkoutKey: hidden(page.text, "checkoutKey"),
        recipientName: `Buyer ${index}`,
        phone: "0812345678",
        email: "",
        payment: "CASH_ON_PICKUP",
        [`shipping.${groupId}`]: methodId,
        intent: "place",
      },
    });
    const placeMs = performance.now() - placeStart;
    const flowMs = performance.now() - flowStart;
    if (placed.status === 302 && placed.location?.includes("/orders/SM-")) return { kind: "order", placeMs, flowMs, steps: { token: tokenMs, add: addMs, checkoutPage: checkoutPageMs, place: placeMs } };
    if (placed.status === 409) return { kind: "soldOut", placeMs, flowMs };
    if (placed.status === 429) return { kind: "busy", placeMs, flowMs };
    return { kind: "error", placeMs, flowMs, detail: `place: HTTP ${placed.status}` };
  } catch (error) {
    return { kind: "error", placeMs: 0, flowMs: 0, detail: (error as Error).message };
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] * 10) / 10;
}

let exitCode = 0;
try {
  const url = await database();
  await applyMigrations(url);
  const db = createDb(url);
  const run = crypto.randomBytes(4).toString("hex");
  log(`setting up ${args.spread ? args.buyers : 1} product(s) with ${args.stock} units`);
  const province = await db.province.upsert({ where: { slug: "bench-province" }, create: { slug: "bench-province", nameTh: "จังหวัดทดสอบ", nameEn: "Bench Province" }, update: {} });
  const category = await db.category.upsert({ where: { slug: "bench" }, create: { slug: "bench", nameTh: "ทดสอบ", nameEn: "Bench" }, update: {} });
  const group = await db.occupationGroup.create({
    data: { slug: `bench-${run}`, nameTh: "กลุ่มทดสอบ", nameEn: "Bench group", storyTh: "-", storyEn: "-", villageTh: "-", villageEn: "-", tambonTh: "-", amphoeTh: "-", provinceId: province.id, foundedYear: 2000, memberCount: 10, communitySage: "-", verificationStatus: "VERIFIED" },
  });
  const method = await db.shippingMethod.create({ data: { groupId: group.id, kind: "PICKUP_CENTRE", nameTh: "รับเอง", nameEn: "Pickup", feeSatang: 0 } });
  const productCount = args.spread ? args.buyers : 1;
  await db.product.createMany({
    data: Array.from({ length: productCount }, (_, n) => ({
      slug: `bench-${run}-${n}`,
      groupId: group.id,
      categoryId: category.id,
      productType: "bench",
      titleTh: `สินค้าทดสอบ ${n}`,
      titleEn: `Bench product ${n}`,
      storyTh: "-",
      storyEn: "-",
      priceSatang: 10_000,
      unitTh: "ชิ้น",
      unitEn: "piece",
      weightGrams: 100,
      stock: args.stock,
      status: "ACTIVE" as const,
    })),
  });
  const products = await db.product.findMany({ where: { groupId: group.id }, orderBy: { slug: "asc" }, select: { id: true } });
  if (!args.url) store = await startStore(url);
  // One request first, so the first buyer does not measure the server's warm-up.
  await fetch(`${origin}/checkout`);

  // All buyers at once by default; --concurrency C lets C buyers shop at a time (1 shows each
  // step's own cost, without queueing).
  const lanes = Math.min(args.concurrency ?? args.buyers, args.buyers);
  log(`${args.buyers} buyers, ${lanes} at a time`);
  const cpuBefore = readCpu();
  const started = performance.now();
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let n = next++; n < args.buyers; n = next++) outcomes[n] = await buyer(products[args.spread ? n : 0].id, group.id, method.id, n);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = readCpu();

  const lines = await db.orderLine.aggregate({ where: { product: { groupId: group.id } }, _sum: { quantityFromStock: true } });
  const orders = await db.order.count({ where: { groupOrders: { some: { groupId: group.id } } } });
  const stockLeft = await db.product.aggregate({ where: { groupId: group.id }, _sum: { stock: true }, _min: { stock: true } });
  const supplied = args.stock * productCount;
  const oversold = Math.max(0, (lines._sum.quantityFromStock ?? 0) - supplied) + Math.max(0, -(stockLeft._min.stock ?? 0));
  const placed = outcomes.filter((outcome) => outcome.kind === "order");
  const errors = outcomes.filter((outcome) => outcome.kind === "error");
  for (const error of errors.slice(0, 5)) log(`error: ${error.detail}`);
  const place = placed.map((outcome) => outcome.placeMs).sort((a, b) => a - b);
  const flow = placed.map((outcome) => outcome.flowMs).sort((a, b) => a - b);
  await db.$disconnect();
  const result = {
    buyers: args.buyers,
    stock: args.stock,
    spread: args.spread,
    orders,
    oversold,
    soldOut: outcomes.filter((outcome) => outcome.kind === "soldOut").length,
    busy: outcomes.filter((outcome) => outcome.kind === "busy").length,
    errors: errors.length,
    orders_per_s: Math.round((orders / seconds) * 10) / 10,
    p50_ms: percentile(place, 50),
    p95_ms: percentile(place, 95),
    p99_ms: percentile(place, 99),
    journey_p95_ms: percentile(flow, 95),
    concurrency: lanes,
    // Each request's median: what a step costs (at --concurrency 1) or waits (all at once).
    step_p50_ms: Object.fromEntries((["token", "add", "checkoutPage", "place"] as const).map((step) => [step, percentile(placed.map((outcome) => outcome.steps![step]).sort((a, b) => a - b), 50)])),
    seconds: Math.round(seconds * 100) / 100,
    // What one buyer's journey (four requests, one order) costs in CPU, and who pays it: the
    // store, PostgreSQL (null when --url points elsewhere) and this process sending the buyers.
    // Their sum over the cores bounds orders_per_s on this machine.
    cpu_ms_per_order: cpuPerUnit(cpuBefore, cpuAfter, orders),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    cpus: os.cpus().length,
  };
  if (result.oversold > 0 || result.errors > 0 || result.orders !== Math.min(args.buyers, supplied)) exitCode = 1;
  console.log(JSON.stringify(result));
} catch (error) {
  process.stderr.write(`bench:checkout: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  if (store) await stopChild(store);
  await stopDatabase();
}
process.exit(exitCode);

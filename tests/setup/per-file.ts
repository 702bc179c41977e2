/**
 * Gives each integration test file its own database, copied from the migrated
 * and seeded template, and drops it afterwards — after proving its ledger as
 * `npm run ledger:check` does, so a test that leaves money unaccounted for (an
 * unbalanced transaction, a payment neither paid out, held, kept nor refunded)
 * fails its file, and with it `npm test`.
 */
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

// msw 3 (the payment tests' provider stand-in) uses Promise.withResolvers, which arrived in
// Node 22; these machines run Node 20. Set before any test file imports msw.
const promise = Promise as unknown as { withResolvers?: () => unknown };
promise.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const created = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise: created, resolve, reject };
};

const name = `test_${crypto.randomBytes(6).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// PostgreSQL refuses to copy a template that another copy is reading at that
// moment, which happens when test files start together; so wait and retry.
for (let attempt = 0; ; attempt++) {
  try {
    await admin(`CREATE DATABASE "${name}" TEMPLATE "${inject("pgTemplate")}"`);
    break;
  } catch (error) {
    if (attempt >= 50 || !String(error).includes("being accessed by other users")) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}
process.env.DATABASE_URL = `${inject("pgBaseUrl")}${name}`;
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.DATA_DIR ??= ".data/test";

afterAll(async () => {
  const { db } = await import("~/db/client.server");
  const { checkLedger } = await import("~/modules/ledger/check.server");
  try {
    const report = await checkLedger(db());
    if (!report.ok) throw new Error(`ledger:check fails on the database this test file leaves behind:\n${report.problems.join("\n")}`);
  } finally {
    await db().$disconnect();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

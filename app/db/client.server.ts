/**
 * The one Prisma client of the process, kept on globalThis so that the server
 * entry, the Remix build and hot reloads all share one connection pool. It
 * connects to the database the server entry prepared (useDatabase), or to
 * DATABASE_URL in tests and scripts.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as unknown as {
  __sammachipDb?: { url: string; client: PrismaClient };
  __sammachipDbUrl?: string;
};

/** Points the process at the database the server prepared (embedded or configured). */
export function useDatabase(url: string) {
  holder.__sammachipDbUrl = url;
}

/**
 * Prepared statements: each distinct SQL text gets a name, so a connection parses it once and
 * PostgreSQL can keep its plan. The pages' queries nest related rows as JSON (Prisma's joins),
 * and planning those again on every request cost more than running them. The names are shared
 * by every connection (one name, one text, as pg requires); past a bound, new texts (an IN list
 * of a length never seen) run unnamed ("" to pg) rather than pile up in every connection.
 */
const STATEMENT_NAMES_MAX = 2_000;
const statementNames = new Map<string, string>();
function statementName({ sql }: { sql: string }): string {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < STATEMENT_NAMES_MAX) {
    name = `prisma_${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name ?? "";
}

export function createDb(url: string): PrismaClient {
  // 20 connections per process: a checkout holds one for its whole transaction (waiting on a
  // product's row lock when many buy the same thing), and page loads must still get through.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 20 }, { statementNameGenerator: statementName }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

/** The shared client for the current DATABASE_URL. */
export function db(): PrismaClient {
  const url = holder.__sammachipDbUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the database was not prepared before use");
  if (holder.__sammachipDb?.url !== url) {
    void holder.__sammachipDb?.client.$disconnect();
    holder.__sammachipDb = { url, client: createDb(url) };
  }
  return holder.__sammachipDb.client;
}

/** The URL the shared client connects to (for the few things that need their own connection: LISTEN). */
export function databaseUrl(): string {
  const url = holder.__sammachipDbUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the database was not prepared before use");
  return url;
}

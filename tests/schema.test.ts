/**
 * The migrated database matches schema.prisma. The wasm schema engine cannot
 * introspect PostgreSQL (prisma/orm#27403), so the proof is by comparison: one
 * database built by applying prisma/migrations, another built from the SQL the
 * engine generates for schema.prisma itself, and their catalogs must be equal.
 */
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, migrationList, readSchema } from "~/db/migrations.server";
import { noFilters, withSchemaEngine } from "~/db/schema-engine.server";

async function withFreshDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `schema_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    return await work(`${inject("pgBaseUrl")}${name}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function describeDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((row) => JSON.stringify(row)).sort();
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
                        FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
                        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await q(`SELECT c.conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
                            JOIN pg_namespace n ON n.oid = c.connamespace
                            WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '"_prisma_migrations"'
                              AND c.conrelid::regclass::text <> '_prisma_migrations'`),
      enums: await q(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`),
    };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("build exactly the database that schema.prisma describes", async () => {
    const schema = readSchema();
    const migrated = await withFreshDatabase(async (url) => {
      const applied = await applyMigrations(url);
      expect(applied.length).toBe(migrationList().migrationDirectories.length);
      return describeDatabase(url);
    });
    const fromSchema = await withFreshDatabase(async (url) => {
      const sql = await withSchemaEngine(url, schema, async (engine) => {
        const result = await engine.diff({
          from: { tag: "empty" },
          to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
          script: true,
          exitCode: null,
          filters: noFilters,
        });
        return result.stdout ?? "";
      });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(sql);
      await client.end();
      return describeDatabase(url);
    });
    expect(migrated.columns.length).toBeGreaterThan(100);
    expect(migrated).toEqual(fromSchema);
  });

  it("are recorded like prisma migrate deploy and applying them again does nothing", async () => {
    await withFreshDatabase(async (url) => {
      const first = await applyMigrations(url);
      const second = await applyMigrations(url);
      expect(first.length).toBeGreaterThan(0);
      expect(second).toEqual([]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = (await client.query(`SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`)).rows;
      await client.end();
      expect(rows.map((row) => row.migration_name)).toEqual(first);
      for (const row of rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
    });
  });
});

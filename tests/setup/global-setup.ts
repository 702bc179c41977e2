/**
 * Starts one embedded PostgreSQL for the integration tests and prepares a
 * template database, migrated and seeded with the demo catalog. Each test file
 * then gets its own copy (CREATE DATABASE … TEMPLATE), which takes milliseconds
 * and keeps files independent of each other.
 */
import type { TestProject } from "vitest/node";
import { createDb } from "~/db/client.server";
import { startEmbeddedPostgres } from "~/db/embedded-postgres.server";
import { applyMigrations } from "~/db/migrations.server";
import { seedDemo, seedDemoImages } from "../../prisma/seed/demo";

export const TEMPLATE = "sammachip_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // The seed stores the demo images where the test files will look for them;
  // kept between runs, so only the first run encodes them.
  process.env.DATA_DIR ??= ".data/test";
  const server = await startEmbeddedPostgres({
    dataDir: process.env.TEST_PG_DIR ?? ".data/test-postgres",
    port: Number(process.env.TEST_PG_PORT ?? 54349),
  });
  await server.dropDatabase(TEMPLATE);
  const url = await server.ensureDatabase(TEMPLATE);
  await applyMigrations(url);
  const db = createDb(url);
  await seedDemo(db);
  await seedDemoImages(db);
  // Drawing the pictures asks running stores to drop their cached pages; no store ran on the
  // template, and a test file's own workers must not receive that message.
  await db.outboxMessage.deleteMany();
  await db.$disconnect();

  project.provide("pgAdminUrl", server.urlFor("postgres"));
  project.provide("pgTemplate", TEMPLATE);
  project.provide("pgBaseUrl", server.urlFor(""));
  return async () => {
    await server.stop();
  };
}

/**
 * Applies prisma/migrations to a database exactly as `prisma migrate deploy`
 * would (same SQL, same `_prisma_migrations` bookkeeping), so a machine with
 * the native Prisma CLI sees the same history as one that ran the store.
 */
import fs from "node:fs";
import path from "node:path";
import { noFilters, withSchemaEngine } from "./schema-engine.server";

export const prismaDir = path.resolve(process.cwd(), "prisma");
export const migrationsDir = path.join(prismaDir, "migrations");

export function readSchema(file = path.join(prismaDir, "schema.prisma")): string {
  return fs.readFileSync(file, "utf8");
}

/** The migrations folder in the shape the schema engine expects. */
export function migrationList(dir = migrationsDir) {
  const directories = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withSchemaEngine(databaseUrl, readSchema(), async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: migrationList(), filters: noFilters });
    return result.appliedMigrationNames;
  });
}

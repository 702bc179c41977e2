import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "~": path.resolve(__dirname, "app"),
  "#search": path.resolve(__dirname, "search"),
};

/**
 * Two projects: pure unit tests beside the code, and integration tests in
 * tests/ that run against a real (embedded) PostgreSQL started once by the
 * global setup, with one database per test file cloned from a migrated template.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "search/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

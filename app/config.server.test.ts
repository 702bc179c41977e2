import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

function problems(env: Record<string, string>) {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("configuration", () => {
  it("defaults to an embedded database on port 3000", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.PLATFORM_FEE_PERCENT).toBe(0);
  });

  it("names a DATABASE_URL that is not a postgres URL, and what it should be", () => {
    const found = problems({ DATABASE_URL: "mysql://root:hunter2@db/shop" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^DATABASE_URL: must be a PostgreSQL URL/);
    expect(found[0]).not.toContain("hunter2");
  });

  it("lists every bad variable at once", () => {
    const found = problems({ PORT: "eighty", PLATFORM_FEE_PERCENT: "150", MEILI_URL: "not a url" });
    expect(found.map((line) => line.split(":")[0]).sort()).toEqual(["MEILI_URL", "PLATFORM_FEE_PERCENT", "PORT"]);
  });

  it("requires a session secret for a production deployment", () => {
    const found = problems({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/x" });
    expect(found[0]).toMatch(/^SESSION_SECRET/);
  });
});

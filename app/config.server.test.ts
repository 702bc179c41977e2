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

  it("keeps searches 180 days unless told, and refuses a retention that is not 7 to 730 days", () => {
    expect(parseConfig({}).SEARCH_LOG_RETENTION_DAYS).toBe(180);
    expect(parseConfig({ SEARCH_LOG_RETENTION_DAYS: "30" }).SEARCH_LOG_RETENTION_DAYS).toBe(30);
    for (const value of ["0", "forever", "3.5", "1000"]) {
      expect(problems({ SEARCH_LOG_RETENTION_DAYS: value }), value).toEqual([expect.stringMatching(/^SEARCH_LOG_RETENTION_DAYS: must be a/)]);
    }
  });

  it("requires a session secret for a production deployment", () => {
    const found = problems({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/x" });
    expect(found[0]).toMatch(/^SESSION_SECRET/);
  });

  describe("TRUST_PROXY", () => {
    it("trusts no proxy unless told", () => {
      expect(parseConfig({}).TRUST_PROXY).toBe(false);
      expect(parseConfig({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
      expect(parseConfig({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    });

    it("takes a number of hops, or addresses, CIDRs and Express's keywords", () => {
      expect(parseConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
      expect(parseConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8, 192.168.1.7" }).TRUST_PROXY).toEqual([
        "loopback",
        "10.0.0.0/8",
        "fd00::/8",
        "192.168.1.7",
      ]);
      expect(parseConfig({ TRUST_PROXY: "uniquelocal,linklocal" }).TRUST_PROXY).toEqual(["uniquelocal", "linklocal"]);
    });

    it("refuses anything else with one readable line, including Express's trust-everyone `true`", () => {
      for (const value of ["true", "yes", "10.0.0.0/33", "300.1.1.1", "loopback,", "1.2.3.4/8/9", "-1", "everything"]) {
        const found = problems({ TRUST_PROXY: value });
        expect(found, value).toHaveLength(1);
        expect(found[0], value).toMatch(/^TRUST_PROXY: must be "false", a number of proxy hops/);
        expect(found[0], value).toContain(`(got ${JSON.stringify(value)})`);
      }
    });
  });

  it("limits sign-ins per address far above per account, and sign-ups per hour", () => {
    const config = parseConfig({});
    expect(config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS).toBeGreaterThan(config.LOGIN_MAX_ATTEMPTS * 10);
    expect(config.SIGNUP_MAX_PER_HOUR).toBe(20);
    expect(problems({ SIGNUP_MAX_PER_HOUR: "0", LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "many" })).toEqual([
      'LOGIN_MAX_ATTEMPTS_PER_ADDRESS: must be a whole number from 1 to 100000 (got "many")',
      'SIGNUP_MAX_PER_HOUR: must be a whole number from 1 to 100000 (got "0")',
    ]);
  });

  it("refuses Stripe PromptPay without Stripe's keys (it would silently do nothing)", () => {
    expect(problems({ STRIPE_PROMPTPAY: "true" })).toEqual(["STRIPE_PROMPTPAY: needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET"]);
    expect(parseConfig({ STRIPE_PROMPTPAY: "true", STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).STRIPE_PROMPTPAY).toBe(true);
  });

  it("takes Connect's onboarding country as a two-letter code", () => {
    expect(parseConfig({}).STRIPE_CONNECT_COUNTRY).toBe("US");
    expect(problems({ STRIPE_CONNECT_COUNTRY: "Thailand" })).toEqual(['STRIPE_CONNECT_COUNTRY: must be a two-letter country code such as "US" (got "Thailand")']);
  });
});

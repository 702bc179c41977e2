import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers.server";

describe("contentSecurityPolicy", () => {
  it("lets Omise.js run and reach Omise's card vault only when Omise's keys are set", () => {
    const without = contentSecurityPolicy("n0nce", { NODE_ENV: "production", S3_PUBLIC_URL: undefined });
    expect(without).not.toContain("omise");
    const withOmise = contentSecurityPolicy("n0nce", { NODE_ENV: "production", S3_PUBLIC_URL: undefined, OMISE_PUBLIC_KEY: "pkey_test_5x0000000000000000" });
    expect(withOmise).toContain("script-src 'self' 'nonce-n0nce' https://cdn.omise.co");
    expect(withOmise).toContain("connect-src 'self' https://vault.omise.co");
    expect(withOmise).toContain("frame-src https://vault.omise.co");
  });
});

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

  it("lets a form posted without JavaScript be redirected on to the payment provider only when its keys are set", () => {
    const formAction = (csp: string) => csp.split("; ").find((directive) => directive.startsWith("form-action"));
    expect(formAction(contentSecurityPolicy("n", { NODE_ENV: "production", S3_PUBLIC_URL: undefined }))).toBe("form-action 'self'");
    expect(formAction(contentSecurityPolicy("n", { NODE_ENV: "production", S3_PUBLIC_URL: undefined, OMISE_PUBLIC_KEY: "pkey_test_5x0" }))).toBe("form-action 'self' https://api.omise.co https://pay.omise.co");
    expect(formAction(contentSecurityPolicy("n", { NODE_ENV: "production", S3_PUBLIC_URL: undefined, STRIPE_SECRET_KEY: "sk_test_0" }))).toBe("form-action 'self' https://checkout.stripe.com https://connect.stripe.com");
  });
});

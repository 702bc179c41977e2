import { describe, expect, it } from "vitest";
import { cookieSecurityNote, publicUrlIsHttps } from "./cookie-security.server";

describe("cookie security", () => {
  it("is always Secure when PUBLIC_URL is https, and only then", () => {
    expect(publicUrlIsHttps({ PUBLIC_URL: "https://market.example" })).toBe(true);
    expect(publicUrlIsHttps({ PUBLIC_URL: "http://192.168.1.20:3000" })).toBe(false);
    expect(publicUrlIsHttps({ PUBLIC_URL: undefined })).toBe(false);
  });

  it("the start log says which it is", () => {
    expect(cookieSecurityNote({ PUBLIC_URL: "https://market.example", TRUST_PROXY: false })).toBe("Cookies: always Secure (PUBLIC_URL is https)");
    expect(cookieSecurityNote({ PUBLIC_URL: undefined, TRUST_PROXY: false })).toBe(
      "Cookies: Secure for requests over HTTPS; plain over HTTP (a phone on the local network can sign in)",
    );
    expect(cookieSecurityNote({ PUBLIC_URL: undefined, TRUST_PROXY: 1 })).toContain("over HTTPS, or through the trusted proxy;");
  });
});

import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "~/config.server";
import { cachedPages } from "./cached-pages.server";
import { PageCache } from "./page-cache.server";
import { securityHeaders } from "./security-headers.server";

/** Express with the security headers and the page cache, rendering a page that uses its nonce as the document does. */
let base = "";
let renders = 0;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(securityHeaders(parseConfig({ NODE_ENV: "production" })));
  const cache = new PageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000 });
  app.get(
    "*",
    cachedPages(cache, async (_request, context) => {
      renders++;
      return new Response(`<html><head><script nonce="${context.cspNonce}">start()</script></head></html>`, {
        headers: { "Content-Type": "text/html" },
      });
    }),
  );
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

async function page(path: string) {
  const response = await fetch(`${base}${path}`);
  const body = await response.text();
  return {
    cache: response.headers.get("x-page-cache"),
    headerNonce: /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1],
    bodyNonce: /nonce="([^"]+)"/.exec(body)?.[1],
  };
}

describe("a page from the page cache", () => {
  it("is sent with the nonce it was rendered with, or its scripts would be blocked", async () => {
    const first = await page("/products/x");
    const second = await page("/products/x");
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(renders).toBe(1);
    expect(first.headerNonce).toBeDefined();
    expect(first.bodyNonce).toBe(first.headerNonce);
    expect(second.bodyNonce).toBe(first.bodyNonce);
    expect(second.headerNonce).toBe(second.bodyNonce);
  });

  it("while pages rendered afresh get a fresh nonce", async () => {
    const one = await page("/groups/a");
    const other = await page("/groups/b");
    expect(one.headerNonce).not.toBe(other.headerNonce);
    expect(other.bodyNonce).toBe(other.headerNonce);
  });
});

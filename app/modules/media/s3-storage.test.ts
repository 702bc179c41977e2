/**
 * The S3 adapter against an in-process fake of the S3 REST API (path-style
 * PUT/GET/HEAD/DELETE object), so the real AWS SDK client code runs: request
 * signing, headers, error mapping.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeImage } from "./media.server";
import { s3Storage } from "./s3-storage.server";

interface StoredObject {
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

const objects = new Map<string, StoredObject>();
const requests: { method: string; path: string; authorization?: string }[] = [];
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://fake").pathname);
      requests.push({ method: req.method ?? "", path, authorization: req.headers.authorization });
      const object = objects.get(path);
      if (req.method === "PUT") {
        objects.set(path, { body: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(200, { ETag: '"fake"' }).end();
      } else if ((req.method === "GET" || req.method === "HEAD") && object) {
        res.writeHead(200, { "Content-Type": String(object.headers["content-type"]), "Content-Length": object.body.length });
        res.end(req.method === "GET" ? object.body : undefined);
      } else if (req.method === "DELETE") {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>`;
        res.writeHead(404, { "Content-Type": "application/xml" }).end(req.method === "HEAD" ? undefined : xml);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function storage() {
  return s3Storage({
    bucket: "media",
    region: "ap-southeast-1",
    endpoint,
    accessKeyId: "test-key",
    secretAccessKey: "test-secret",
    publicUrl: "https://cdn.example.test/media/",
  });
}

describe("S3 storage", () => {
  it("puts signed, typed, immutable objects path-style and reads them back", async () => {
    const s3 = storage();
    await s3.put("images/abc/320.webp", Buffer.from("webp bytes"), "image/webp");
    const object = objects.get("/media/images/abc/320.webp");
    expect(object?.body.toString()).toBe("webp bytes");
    expect(object?.headers["content-type"]).toBe("image/webp");
    expect(object?.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(requests.at(-1)?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/ap-southeast-1\/s3\/aws4_request/);
    expect((await s3.get("images/abc/320.webp"))?.toString()).toBe("webp bytes");
    expect(await s3.exists("images/abc/320.webp")).toBe(true);
    expect(await s3.exists("images/abc/640.webp")).toBe(false);
    expect(await s3.get("images/abc/640.webp")).toBeNull();
    await s3.delete("images/abc/320.webp");
    expect(objects.has("/media/images/abc/320.webp")).toBe(false);
    expect(s3.publicUrl("images/abc/320.webp")).toBe("https://cdn.example.test/media/images/abc/320.webp");
  });

  it("stores a whole image through the pipeline, and a second store of the same bytes encodes and writes nothing", async () => {
    const s3 = storage();
    const photo = await sharp({ create: { width: 700, height: 500, channels: 3, background: "#a53" } }).jpeg().toBuffer();
    const limits = { maxBytes: 1024 * 1024, maxPixels: 1_000_000 };
    const first = await storeImage(photo, { storage: s3, limits, avifEffort: 0, webpEffort: 0 });
    expect(first.variants.map((variant) => variant.url)).toContain(`https://cdn.example.test/media/${first.storageKey}/700.avif`);
    expect(first.written).toHaveLength(7); // 320, 640 and 700 in two formats, and the manifest
    const puts = requests.filter((request) => request.method === "PUT").length;
    const again = await storeImage(photo, { storage: s3, limits, avifEffort: 0, webpEffort: 0 });
    expect(again.written).toEqual([]);
    expect(again.variants).toEqual(first.variants);
    expect(requests.filter((request) => request.method === "PUT").length).toBe(puts);
  });
});

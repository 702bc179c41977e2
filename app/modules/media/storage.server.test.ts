/** The local file storage: a key written by several uploads at once ends up whole, and no temporary file is left. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localStorage } from "./storage.server";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "sammachip-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local media storage", () => {
  it("takes the same key written by many uploads at once (one photo uploaded twice in the same millisecond)", async () => {
    const storage = localStorage(root);
    const body = Buffer.alloc(64 * 1024, 7);
    await Promise.all(Array.from({ length: 16 }, () => storage.put("images/same/320.avif", body, "image/avif")));
    expect(await storage.get("images/same/320.avif")).toEqual(body);
    expect(fs.readdirSync(path.join(root, "images", "same"))).toEqual(["320.avif"]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assetUrlsIn, dictionaryChunk, inlineStyles, withStaticImports } from "./assets";

const html = `<link rel="stylesheet" href="/assets/root-a1.css"/><link rel="modulepreload" href="/assets/entry.client-b2.js"/>
<script type="module">import "/assets/manifest-c3.js"; import * as route0 from "/assets/root-d4.js";</script>
<img src="/media/images/x/320.webp"/><link rel="icon" href="/favicon.svg"/><script src="https://cdn.example/x.js"></script>`;

describe("assetUrlsIn", () => {
  it("finds the page's own scripts, module imports and stylesheets, and nothing else", () => {
    expect(assetUrlsIn(html).sort()).toEqual(["/assets/entry.client-b2.js", "/assets/manifest-c3.js", "/assets/root-a1.css", "/assets/root-d4.js"]);
  });
});

describe("withStaticImports", () => {
  it("adds what listed chunks import, transitively, with their CSS", () => {
    const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-build-"));
    fs.mkdirSync(path.join(buildDir, "client/.vite"), { recursive: true });
    fs.writeFileSync(
      path.join(buildDir, "client/.vite/manifest.json"),
      JSON.stringify({
        "app/root.tsx": { file: "assets/root-d4.js", imports: ["_components.js"] },
        "_components.js": { file: "assets/components-e5.js", imports: ["_react.js"], css: ["assets/components-f6.css"] },
        "_react.js": { file: "assets/react-g7.js" },
        "app/routes/other.tsx": { file: "assets/other-h8.js" },
      }),
    );
    expect(withStaticImports(["/assets/root-d4.js"], buildDir).sort()).toEqual([
      "/assets/components-e5.js",
      "/assets/components-f6.css",
      "/assets/react-g7.js",
      "/assets/root-d4.js",
    ]);
    fs.rmSync(buildDir, { recursive: true });
  });
});

describe("inlineStyles", () => {
  it("finds the CSS inlined into the page head, and nothing from empty tags", () => {
    expect(inlineStyles('<head><style>body{margin:0}</style><style></style></head><p>x</p>')).toEqual(["body{margin:0}"]);
  });
});

describe("dictionaryChunk", () => {
  it("names the chunk of the page's own language, which the browser fetches before hydrating", () => {
    const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-build-"));
    fs.mkdirSync(path.join(buildDir, "client/assets"), { recursive: true });
    for (const name of ["th-Ab1_c.js", "en-Zz9.js", "thing-x1.js"]) fs.writeFileSync(path.join(buildDir, "client/assets", name), "");
    expect(dictionaryChunk('<html lang="th"><head>', buildDir)).toBe("/assets/th-Ab1_c.js");
    expect(dictionaryChunk('<html lang="en">', buildDir)).toBe("/assets/en-Zz9.js");
    expect(dictionaryChunk("<html>", buildDir)).toBeNull();
    fs.rmSync(buildDir, { recursive: true });
  });
});

/**
 * `npm run measure:bundle [-- BUILD_DIR]`: how much JavaScript and CSS each
 * storefront page type downloads, gzipped, read from the Remix build's own
 * manifest (entry + root + the route chain and all their imports, deduplicated).
 * Run after `npm run build`. Fonts are listed separately: a page fetches only
 * the faces its text uses.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const buildDir = path.resolve(process.argv[2] ?? process.env.BUILD_DIR ?? "build");
const assets = path.join(buildDir, "client", "assets");
const manifestFile = fs.readdirSync(assets).find((name) => /^manifest-[\w-]+\.js$/.test(name));
if (!manifestFile) {
  console.error(`No Remix manifest in ${assets}; run \`npm run build\` first.`);
  process.exit(1);
}
const text = fs.readFileSync(path.join(assets, manifestFile), "utf8");
const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));

const gz = (url) => zlib.gzipSync(fs.readFileSync(path.join(buildDir, "client", url)), { level: 9 }).length;
const raw = (url) => fs.statSync(path.join(buildDir, "client", url)).size;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const pages = {
  home: ["root", "routes/($lang)", "routes/($lang)._index"],
  category: ["root", "routes/($lang)", "routes/($lang).categories.$slug"],
  product: ["root", "routes/($lang)", "routes/($lang).products.$slug"],
  group: ["root", "routes/($lang)", "routes/($lang).groups.$slug"],
};

for (const [page, routeIds] of Object.entries(pages)) {
  const js = new Set([manifest.entry.module, ...manifest.entry.imports]);
  const css = new Set();
  for (const id of routeIds) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`route ${id} is not in the manifest`);
    js.add(route.module);
    for (const url of route.imports ?? []) js.add(url);
    for (const url of route.css ?? []) css.add(url);
  }
  const jsGz = [...js].reduce((sum, url) => sum + gz(url), 0);
  const jsRaw = [...js].reduce((sum, url) => sum + raw(url), 0);
  const cssGz = [...css].reduce((sum, url) => sum + gz(url), 0);
  console.log(`${page.padEnd(9)} JS ${kb(jsGz)} gzip (${kb(jsRaw)} raw, ${js.size} files) · CSS files ${kb(cssGz)} gzip`);
}
// root.tsx inlines the site stylesheet into every page's <head> (?inline import), so it ships
// inside the HTML and root's JS chunk rather than as a file; bench:storefront reports its size.
const inlined = zlib.gzipSync(fs.readFileSync(path.resolve("app/styles.css"))).length + zlib.gzipSync(fs.readFileSync(path.resolve("app/fonts.css"))).length;
console.log(`inline    CSS ≈ ${kb(inlined)} gzip (app/styles.css + app/fonts.css, before bundling)`);
const fonts = fs.readdirSync(assets).filter((name) => name.endsWith(".woff2"));
console.log(`fonts     ${fonts.map((name) => `${name.replace(/^noto-sans-thai-looped-|-normal-.*$/g, "")} ${kb(raw(`/assets/${name}`))}`).join(", ")}`);

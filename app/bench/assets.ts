/**
 * What a first visit to a page downloads in JavaScript and CSS: every script,
 * module preload and stylesheet the HTML names, plus what those chunks import
 * statically according to Vite's build manifest, and the page's language's
 * dictionary (a chunk of its own that the browser fetches before hydrating),
 * each fetched from the server and gzipped as a CDN or compression middleware
 * would send it.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

export interface AssetTotals {
  files: number;
  bytes: number;
  gzipBytes: number;
  list: { url: string; bytes: number; gzipBytes: number }[];
}

export function assetUrlsIn(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) found.add(match[1]);
  for (const match of html.matchAll(/import(?:\s+\*\s+as\s+\w+\s+from)?\s*\(?\s*"([^"]+\.js)"/g)) found.add(match[1]);
  return [...found].filter((url) => url.startsWith("/"));
}

/** The dictionary chunk of the page's `<html lang>` (app/i18n/dictionaries.client.ts loads it before hydrating). */
export function dictionaryChunk(html: string, buildDir: string): string | null {
  const lang = /<html[^>]*\slang="(th|en)"/.exec(html)?.[1];
  if (!lang) return null;
  const dir = path.join(buildDir, "client/assets");
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((name) => new RegExp(`^${lang}-[\\w-]+\\.js$`).test(name)) : undefined;
  return file ? `/assets/${file}` : null;
}

/** Adds the static imports (and their CSS) of every chunk already listed, transitively. */
export function withStaticImports(urls: string[], buildDir: string): string[] {
  const manifestFile = path.join(buildDir, "client/.vite/manifest.json");
  if (!fs.existsSync(manifestFile)) return urls;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, ManifestChunk>;
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [`/${chunk.file}`, { key, chunk }]));
  const all = new Set(urls);
  const queue = [...urls];
  while (queue.length > 0) {
    const entry = byFile.get(queue.pop()!);
    if (!entry) continue;
    const more = [...(entry.chunk.imports ?? []).map((key) => manifest[key] && `/${manifest[key].file}`), ...(entry.chunk.css ?? []).map((file) => `/${file}`)];
    for (const url of more) {
      if (url && !all.has(url)) {
        all.add(url);
        queue.push(url);
      }
    }
  }
  return [...all];
}

export async function assetTotals(origin: string, html: string, buildDir: string): Promise<{ js: AssetTotals; css: AssetTotals }> {
  const dictionary = dictionaryChunk(html, buildDir);
  const urls = withStaticImports([...assetUrlsIn(html), ...(dictionary ? [dictionary] : [])], buildDir);
  const totals = { js: empty(), css: empty() };
  for (const url of urls.sort()) {
    const response = await fetch(new URL(url, origin));
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    const gzipBytes = gzipSync(body).length;
    const bucket = url.endsWith(".css") ? totals.css : totals.js;
    bucket.files++;
    bucket.bytes += body.length;
    bucket.gzipBytes += gzipBytes;
    bucket.list.push({ url, bytes: body.length, gzipBytes });
  }
  // The store inlines its stylesheet into the page's <head>: it is CSS sent for the page too.
  for (const [index, css] of inlineStyles(html).entries()) {
    const body = Buffer.from(css);
    const gzipBytes = gzipSync(body).length;
    totals.css.files++;
    totals.css.bytes += body.length;
    totals.css.gzipBytes += gzipBytes;
    totals.css.list.push({ url: `(inline <style> #${index + 1})`, bytes: body.length, gzipBytes });
  }
  return totals;
}

/** The contents of the page's inline <style> elements. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).filter((css) => css.trim() !== "");
}

function empty(): AssetTotals {
  return { files: 0, bytes: 0, gzipBytes: 0, list: [] };
}

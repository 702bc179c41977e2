/**
 * patches/remix-router-match-cache.mjs caches the server's route matching. These tests prove the
 * patch is in place after install (an upgrade of @remix-run/router that the patch no longer fits
 * fails here), that the cached matcher answers exactly as the unpatched one does, also on its
 * second call and for a copy of a tree it has seen (with the copy's own route objects), that it
 * upgrades a file its first version patched, and that it leaves a file it was not written for alone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  MARKER,
  PATTERN_EDIT,
  edits,
  firstEdits,
  patchRemixRouter,
} from "../../patches/remix-router-match-cache.mjs";

const require = createRequire(import.meta.url);
const cjsFile = require.resolve("@remix-run/router");

type Route = { id: string; path?: string; index?: boolean; children?: Route[] };
type Match = {
  route: { id: string };
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
};
type MatchRoutes = (routes: Route[], location: string) => Match[] | null;

// The shape of our tree: a root layout, the optional language prefix, nested layouts, an index,
// dynamic segments with a literal dot, and a splat.
const routes: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      {
        id: "home",
        path: ":lang?",
        index: false,
        children: [{ id: "home-index", index: true }],
      },
      { id: "product", path: ":lang?/products/:slug" },
      { id: "group", path: ":lang?/groups/:slug" },
      {
        id: "workspace",
        path: ":lang?/groups/:slug/manage",
        children: [
          { id: "ws-index", index: true },
          { id: "ws-orders", path: "orders" },
          { id: "ws-order", path: "orders/:code" },
        ],
      },
      { id: "slip", path: ":lang?/orders/:code/slip.pdf" },
      { id: "sitemap", path: "sitemap.xml" },
      { id: "search", path: ":lang?/search" },
      { id: "og", path: "og/*" },
      { id: "not-found", path: "*" },
    ],
  },
];
const paths = [
  "/",
  "/en",
  "/products/khao-hom",
  "/en/products/khao-hom",
  "/groups/ban-thon/manage",
  "/en/groups/ban-thon/manage/orders/SM-2570-000001",
  "/orders/SM-1/slip.pdf",
  "/sitemap.xml",
  "/og/products/a.png",
  "/en/search",
  "/no/such/page",
  "/EN/PRODUCTS/X",
];

const summary = (matches: Match[] | null) =>
  matches?.map((match) => ({
    id: match.route.id,
    params: match.params,
    pathname: match.pathname,
    base: match.pathnameBase,
  })) ?? null;

describe("the route match cache patch", () => {
  it("is applied to the router the server loads", () => {
    expect(fs.readFileSync(cjsFile, "utf8")).toContain(MARKER);
  });

  it("matches every path exactly as the unpatched router does, again on the second call", async () => {
    const patched = (
      require("@remix-run/router") as { matchRoutes: MatchRoutes }
    ).matchRoutes;
    // The ES module build is the same version, untouched by the patch.
    const original = (
      (await import(path.join(path.dirname(cjsFile), "router.js"))) as {
        matchRoutes: MatchRoutes;
      }
    ).matchRoutes;
    for (const pathname of paths) {
      const expected = summary(original(routes, pathname));
      expect(summary(patched(routes, pathname)), pathname).toEqual(expected);
      expect(
        summary(patched(routes, pathname)),
        `${pathname} (cached)`
      ).toEqual(expected);
    }
    // A different tree (development rebuilds it) is ranked on its own, not read from the first's cache.
    const other: Route[] = [{ id: "only", path: "/products/:slug" }];
    expect(summary(patched(other, "/products/x"))).toEqual(
      summary(original(other, "/products/x"))
    );
    expect(patched(other, "/en/products/x")).toBeNull();
  });

  it("answers a copy of a known tree from the cache with the copy's own route objects", async () => {
    const patched = (require("@remix-run/router") as { matchRoutes: MatchRoutes }).matchRoutes;
    const original = ((await import(path.join(path.dirname(cjsFile), "router.js"))) as { matchRoutes: MatchRoutes }).matchRoutes;
    patched(routes, "/");
    // What rendering a page does: new route objects, the same tree.
    const copy = structuredClone(routes);
    const all = (tree: Route[]): Route[] => tree.flatMap((route) => [route, ...all(route.children ?? [])]);
    const copied = new Set<object>(all(copy));
    for (const pathname of paths) {
      const matches = patched(copy, pathname);
      expect(summary(matches), pathname).toEqual(summary(original(copy, pathname)));
      for (const match of matches ?? []) expect(copied.has(match.route), `${pathname}: ${match.route.id} is the copy's own`).toBe(true);
    }
    // And it was not flattened again: flattening reads each route's path three times or more,
    // taking the tree's shape reads it once.
    let reads = 0;
    const counted = (tree: Route[]): Route[] =>
      tree.map(({ path: routePath, children, ...rest }) => {
        const route: Route = { ...rest, ...(children ? { children: counted(children) } : {}) };
        if (routePath !== undefined)
          Object.defineProperty(route, "path", { enumerable: true, get: () => (reads++, routePath) });
        return route;
      });
    const watched = counted(routes);
    expect(summary(patched(watched, "/en/products/khao-hom"))).toEqual(summary(original(routes, "/en/products/khao-hom")));
    expect(reads).toBeLessThanOrEqual(all(routes).filter((route) => route.path !== undefined).length);
    // A tree of another shape is never answered from this one's cache.
    const moved = structuredClone(routes);
    moved[0].children!.reverse();
    for (const pathname of paths) expect(summary(patched(moved, pathname)), `${pathname} (reordered)`).toEqual(summary(original(moved, pathname)));
  });

  it("upgrades a router its first version patched", () => {
    // The original file, rebuilt from the patched one, then patched as the first version did.
    let original = fs.readFileSync(cjsFile, "utf8");
    for (const edit of [...edits].reverse()) original = original.replace(edit.to, () => edit.from);
    let first = original;
    for (const edit of [...firstEdits, PATTERN_EDIT]) first = first.replace(edit.from, () => edit.to);
    expect(first).not.toBe(original);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "router-patch-"));
    const dir = path.join(root, "node_modules/@remix-run/router");
    fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version: "1.23.3" }));
    fs.writeFileSync(path.join(dir, "dist/router.cjs.js"), first);
    expect(patchRemixRouter(root)).toBe("patched");
    expect(fs.readFileSync(path.join(dir, "dist/router.cjs.js"), "utf8")).toBe(fs.readFileSync(cjsFile, "utf8"));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("leaves a router version it was not written for alone", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "router-patch-"));
    const dir = path.join(root, "node_modules/@remix-run/router");
    fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ version: "9.9.9" })
    );
    const source =
      "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {}";
    fs.writeFileSync(path.join(dir, "dist/router.cjs.js"), source);
    expect(patchRemixRouter(root)).toMatch(/^skipped/);
    expect(fs.readFileSync(path.join(dir, "dist/router.cjs.js"), "utf8")).toBe(
      source
    );
    fs.rmSync(root, { recursive: true, force: true });
  });
});

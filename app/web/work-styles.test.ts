/**
 * The stylesheet split: no rule of app/styles-work.css may apply to a page rendered without it
 * (every storefront page, which inlines only app/styles.css), or that page would show
 * unstyled. What a page uses is read from the source: every word in the route file and in the
 * components it imports, so a class named in a string is counted.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(__dirname, "..");
const routesDir = path.join(app, "routes");

function resolve(spec: string, from: string): string | null {
  const base = spec.startsWith("~/") ? path.join(app, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  return ["", ".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? null;
}

/**
 * Every word in a file and in the components it imports, transitively: JSX files, and the .ts
 * helpers beside the components (class names live there; the dictionaries' words are not classes).
 */
function wordsReachableFrom(file: string, seen = new Set<string>()): Set<string> {
  const markup = file.endsWith(".tsx") || (file.endsWith(".ts") && file.startsWith(path.join(app, "components")));
  if (seen.has(file) || !markup) return new Set();
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  const words = new Set(source.match(/[A-Za-z][\w-]*/g) ?? []);
  for (const [, spec] of source.matchAll(/from\s+"([^"]+)"/g)) {
    const target = resolve(spec, file);
    if (target) for (const word of wordsReachableFrom(target, seen)) words.add(word);
  }
  return words;
}

const segments = (file: string) => file.replace(/\.tsx?$/, "").split(".");
const routeFiles = fs.readdirSync(routesDir).filter((file) => /\.tsx$/.test(file));
const links = (file: string) => /export const links = workStyles;/.test(fs.readFileSync(path.join(routesDir, file), "utf8"));

/** A route gets the stylesheet when it links it or a layout it renders inside does (a route file whose segments begin its own). */
function getsWorkStyles(file: string): boolean {
  const own = segments(file);
  return routeFiles.some((other) => {
    const parent = segments(other);
    return links(other) && parent.length <= own.length && parent.every((segment, index) => segment === own[index]);
  });
}

/** Each selector of a stylesheet's rules (inside @media too), with the classes it needs. */
function selectorsOf(file: string): { selector: string; classes: string[] }[] {
  const css = fs.readFileSync(path.join(app, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  return [...css.matchAll(/([^{}]+)\{/g)]
    .map((match) => match[1].trim())
    .filter((head) => !head.startsWith("@"))
    .flatMap((head) => head.split(","))
    .map((selector) => ({ selector: selector.trim(), classes: [...selector.matchAll(/\.([A-Za-z][\w-]*)/g)].map((match) => match[1]) }));
}

describe("the storefront and back-office stylesheets", () => {
  const work = selectorsOf("styles-work.css");
  const pages = routeFiles.filter((file) => /^export default/m.test(fs.readFileSync(path.join(routesDir, file), "utf8")));

  it("moves some rules to the linked file, each needing a class, and the back office links it", () => {
    expect(work.length).toBeGreaterThan(100);
    expect(work.filter((rule) => rule.classes.length === 0).map((rule) => rule.selector)).toEqual([]);
    for (const page of ["($lang).groups.$slug_.manage.products._index.tsx", "($lang).staff.moderation.tsx", "($lang).checkout.tsx", "($lang).orders.$number.tsx"]) {
      expect(getsWorkStyles(page), page).toBe(true);
    }
    for (const page of ["($lang)._index.tsx", "($lang).products.$slug.tsx", "($lang).search.tsx"]) expect(getsWorkStyles(page), page).toBe(false);
  });

  // A rule can style an element only if the page uses every class its selector names.
  it.each(pages.filter((file) => !getsWorkStyles(file)))("%s, rendered without it, could match none of its rules", (file) => {
    const words = wordsReachableFrom(path.join(app, "root.tsx"));
    for (const word of wordsReachableFrom(path.join(routesDir, file))) words.add(word);
    expect(work.filter((rule) => rule.classes.every((name) => words.has(name))).map((rule) => rule.selector)).toEqual([]);
  });
});

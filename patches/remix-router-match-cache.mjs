// Run after `npm install` (package.json's postinstall). @remix-run/router 1.23 flattens, ranks
// and compiles every route's pattern again on every match, and the server matches four times per
// rendered page: with our ~70 route files, doubled by the optional `($lang)` prefix, that was
// about 2 ms of CPU per request, the largest single cost of a checkout after the database.
// The route tree of a production build never changes, so this caches the ranked branches per
// route array (a WeakMap: a new tree in development gets its own) and each compiled pattern, as
// upstream later did (react-router pull 14967; trigger.dev patched 1.23.2 the same way).
// Rendering a page builds its own copy of the tree (Remix's RemixServer and the static router
// make new route objects per request), so the ranked branches are also kept by the tree's shape
// (ids, paths, index flags, nesting): a copy of a known shape reuses them, and its matches are
// pointed at the copy's own route objects by their child positions.
// It edits only the CommonJS file the server loads, checks the version it was written for and
// every anchor, and leaves the file alone (with a warning) when they do not match, so an upgrade
// is noticed by app/lib/route-match-cache.test.ts rather than broken silently. A file patched by
// the first version of this script (no shape cache) is brought back to the original first.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MARKER = "/* sammachip: route match cache v2 */";
const FIRST_MARKER = "/* sammachip: route match cache */";
const VERSION = "1.23.3";

// The first version's edits, to take out of a file it patched.
export const firstEdits = [
  {
    from: "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {",
    to: `${FIRST_MARKER}\nconst sammachipBranches = new WeakMap();\nconst sammachipPatterns = new Map();\nfunction matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
  },
  {
    from: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;",
    to: "  let branches = sammachipBranches.get(routes);\n  if (!branches) {\n    branches = flattenRoutes(routes);\n    rankRouteBranches(branches);\n    sammachipBranches.set(routes, branches);\n  }\n  let matches = null;",
  },
];

export const PATTERN_EDIT = {
  from: "  let [matcher, compiledParams] = compilePath(pattern.path, pattern.caseSensitive, pattern.end);",
  to: [
    '  let patternKey = pattern.path + "\\u0000" + pattern.caseSensitive + "\\u0000" + pattern.end;',
    "  let compiled = sammachipPatterns.get(patternKey);",
    "  if (!compiled) {",
    "    if (sammachipPatterns.size >= 2000) sammachipPatterns.clear();",
    "    compiled = compilePath(pattern.path, pattern.caseSensitive, pattern.end);",
    "    sammachipPatterns.set(patternKey, compiled);",
    "  }",
    "  let [matcher, compiledParams] = compiled;",
  ].join("\n"),
};

export const edits = [
  {
    from: "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {",
    to: [
      MARKER,
      "const sammachipBranches = new WeakMap();",
      "const sammachipShapes = new Map();",
      "const sammachipPatterns = new Map();",
      "function sammachipShape(routes) {",
      '  let shape = "";',
      "  for (let route of routes) {",
      "    let path = route.path;",
      '    shape += route.id + "\\u0000" + (path == null ? "\\u0001" : path) + "\\u0000" + (route.index ? 1 : 0) + (route.caseSensitive ? 1 : 0);',
      '    if (route.children && route.children.length > 0) shape += "[" + sammachipShape(route.children) + "]";',
      '    shape += ";";',
      "  }",
      "  return shape;",
      "}",
      "function sammachipRanked(routes) {",
      "  let known = sammachipBranches.get(routes);",
      "  if (known) return known;",
      "  let shape = sammachipShape(routes);",
      "  let branches = sammachipShapes.get(shape);",
      "  if (branches) {",
      "    known = { branches, copy: true };",
      "  } else {",
      "    branches = flattenRoutes(routes);",
      "    rankRouteBranches(branches);",
      "    if (sammachipShapes.size >= 20) sammachipShapes.clear();",
      "    sammachipShapes.set(shape, branches);",
      "    known = { branches, copy: false };",
      "  }",
      "  sammachipBranches.set(routes, known);",
      "  return known;",
      "}",
      "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {",
    ].join("\n"),
  },
  {
    from: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;",
    to: "  let { branches, copy } = sammachipRanked(routes);\n  let matches = null;",
  },
  {
    from: "    matches = matchRouteBranch(branches[i], decoded, allowPartial);\n  }\n  return matches;",
    to: [
      "    matches = matchRouteBranch(branches[i], decoded, allowPartial);",
      "    if (matches && copy) {",
      "      // Branches ranked from another tree of the same shape: the same child positions here.",
      "      let level = routes;",
      "      for (let m = 0; m < matches.length; m++) {",
      "        let route = level[branches[i].routesMeta[m].childrenIndex];",
      "        matches[m].route = route;",
      "        level = route.children || [];",
      "      }",
      "    }",
      "  }",
      "  return matches;",
    ].join("\n"),
  },
  PATTERN_EDIT,
];

/** Patches the router in `root`'s node_modules; says what it did. */
export function patchRemixRouter(root) {
  const dir = path.join(root, "node_modules/@remix-run/router");
  const file = path.join(dir, "dist/router.cjs.js");
  if (!fs.existsSync(file)) return "absent";
  let source = fs.readFileSync(file, "utf8");
  if (source.includes(MARKER)) return "already";
  if (source.includes(FIRST_MARKER))
    for (const edit of [...firstEdits, PATTERN_EDIT]) source = source.replace(edit.to, () => edit.from);
  const { version } = JSON.parse(
    fs.readFileSync(path.join(dir, "package.json"), "utf8")
  );
  if (
    version !== VERSION ||
    edits.some((edit) => source.split(edit.from).length !== 2)
  )
    return `skipped: written for ${VERSION}, found ${version}`;
  for (const edit of edits) source = source.replace(edit.from, () => edit.to);
  fs.writeFileSync(file, source);
  return "patched";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outcome = patchRemixRouter(
    path.dirname(path.dirname(fileURLToPath(import.meta.url)))
  );
  if (outcome.startsWith("skipped"))
    console.warn(
      `remix-router-match-cache: ${outcome}; route matching stays uncached`
    );
}

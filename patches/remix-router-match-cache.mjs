// Run after `npm install` (package.json's postinstall). @remix-run/router 1.23 flattens, ranks
// and compiles every route's pattern again on every match, and the server matches two or three
// times per request: with our ~70 route files, doubled by the optional `($lang)` prefix, that was
// about 2 ms of CPU per request, the largest single cost of a checkout after the database.
// The route tree of a production build never changes, so this caches the ranked branches per
// route array (a WeakMap: a new tree in development gets its own) and each compiled pattern, as
// upstream later did (react-router pull 14967; trigger.dev patched 1.23.2 the same way).
// It edits only the CommonJS file the server loads, checks the version it was written for and
// every anchor, and leaves the file alone (with a warning) when they do not match, so an upgrade
// is noticed by tests/router-match-cache.test.ts rather than broken silently.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MARKER = "/* sammachip: route match cache */";
const VERSION = "1.23.3";

const edits = [
  {
    from: "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {",
    to: `${MARKER}\nconst sammachipBranches = new WeakMap();\nconst sammachipPatterns = new Map();\nfunction matchRoutesImpl(routes, locationArg, basename, allowPartial) {`,
  },
  {
    from: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;",
    to: "  let branches = sammachipBranches.get(routes);\n  if (!branches) {\n    branches = flattenRoutes(routes);\n    rankRouteBranches(branches);\n    sammachipBranches.set(routes, branches);\n  }\n  let matches = null;",
  },
  {
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
  },
];

/** Patches the router in `root`'s node_modules; says what it did. */
export function patchRemixRouter(root) {
  const dir = path.join(root, "node_modules/@remix-run/router");
  const file = path.join(dir, "dist/router.cjs.js");
  if (!fs.existsSync(file)) return "absent";
  let source = fs.readFileSync(file, "utf8");
  if (source.includes(MARKER)) return "already";
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

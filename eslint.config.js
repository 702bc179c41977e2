// The project's rules, kept few: JavaScript's and TypeScript's recommended checks, and the import
// boundaries the README's architecture describes, so a layer mistake fails `npm test` instead of
// waiting for a review.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Who may import what (no-restricted-imports, per folder). */
const layers = {
  routes: {
    files: ["app/routes/**"],
    patterns: [
      { group: ["~/db/*", "../db/*", "~/generated/prisma/client"], message: "Routes are HTTP adapters: call a module function instead of the database." },
      { regex: "^#search/(?!port|query-string)", message: "Routes reach search through ~/modules/catalog/search.server (it chooses the engine and the fallback)." },
    ],
  },
  modules: {
    files: ["app/modules/**"],
    patterns: [
      { group: ["~/web/*", "~/routes/*", "~/root", "../web/*", "../../web/*", "../../routes/*"], message: "Domain modules never depend on the web layer or routes; return data or throw a typed error." },
      { group: ["@remix-run/*"], message: "Domain modules do not build HTTP responses (no json()/redirect()); routes do." },
    ],
  },
  web: {
    files: ["app/web/**"],
    patterns: [{ group: ["~/routes/*"], message: "The web layer serves routes; it does not import them." }],
  },
  search: {
    files: ["search/**"],
    patterns: [
      {
        // search/ is its own package: it may use the catalog's visibility and availability rules, province
        // identity, Prisma's generated types and two small CLI helpers, and nothing else of the app.
        regex: "^~/(?!modules/catalog/(visibility|availability)$|modules/groups/provinces$|generated/prisma/(client|enums)$|cli/(progress|seeded-random)$)",
        message: "search/ takes its configuration and database handle from the app; it may import only the catalog's rules and Prisma's types.",
      },
      { group: ["../app/*", "../../app/*"], message: "search/ may not reach into app/ by relative path." },
    ],
  },
};

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", ".data/**", "public/**", "test-results/**", "playwright-report/**", "bench-results/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", document: "readonly", window: "readonly", globalThis: "readonly" } },
    rules: {
      // Unused names are mistakes, except a deliberate `_name` (a destructured field left out on purpose).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" }],
      // TypeScript already checks names; this rule does not understand type-only globals.
      "no-undef": "off",
    },
  },
  ...Object.values(layers).map(({ files, patterns }) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } })),
);

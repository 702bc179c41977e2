import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import path from "node:path";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "~": path.resolve(__dirname, "app"),
      "#search": path.resolve(__dirname, "search"),
    },
  },
  plugins: [browserDictionaries(), remix(remixConfig)],
  // No gzip sizes in the build listing: computing them took seconds of every first `npm start`.
  build: { target: "es2020", reportCompressedSize: false },
});

/**
 * The browser build gets app/i18n/dictionaries.client.ts wherever the app imports
 * app/i18n/dictionaries.ts: the server renders both languages, a page needs only its own (each
 * language is its own chunk, fetched before hydrating).
 */
function browserDictionaries(): Plugin {
  const server = path.resolve(__dirname, "app/i18n/dictionaries.ts");
  const browser = path.resolve(__dirname, "app/i18n/dictionaries.client.ts");
  return {
    name: "sammachip:browser-dictionaries",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (options?.ssr || !source.includes("dictionaries") || source.includes("dictionaries.client")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === server ? browser : null;
    },
  };
}

import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
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
  plugins: [remix(remixConfig)],
  // No gzip sizes in the build listing: computing them took seconds of every first `npm start`.
  build: { target: "es2020", reportCompressedSize: false },
});

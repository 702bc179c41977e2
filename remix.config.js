/**
 * The one place for Remix's options. vite.config.ts reads them from here, so
 * route conventions and future flags are never configured twice.
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  appDirectory: "app",
  // BUILD_DIR lets two builds (say, two e2e runs) live side by side.
  buildDirectory: process.env.BUILD_DIR ?? "build",
  // Tests and server-only helpers live beside the code; they are never routes.
  ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};

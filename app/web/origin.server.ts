import { config } from "~/config.server";

/** The store's public origin for absolute links (canonical, hreflang, sitemaps). */
export function publicOrigin(request: Request): string {
  return (config().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

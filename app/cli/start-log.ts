/**
 * Lines of the start log that depend on the mode the store runs in, kept apart from server.ts
 * so a test can hold them to it: production mode on the embedded database is a local store too
 * (`npm start` on a laptop), and its log must not call itself "development".
 */
import type { Config } from "~/config.server";

export function demoAccountsHeading(settings: Pick<Config, "NODE_ENV">): string {
  return settings.NODE_ENV === "production"
    ? "Demo accounts (production mode, seeded into this local store; never on a public deployment)"
    : `Demo accounts (${settings.NODE_ENV} mode)`;
}

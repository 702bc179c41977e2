/**
 * The store's signing secret: for cookies (app/web) and for links mailed to people, such as
 * "stop following this group" (app/modules/follows). In production with an external database it
 * must come from SESSION_SECRET (config enforces it); otherwise a random one
 * is made once and kept beside the embedded database, so sessions survive
 * restarts of a local store.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "~/config.server";

let secret: string | undefined;

export function serverSecret(): string {
  if (secret) return secret;
  const configured = config().SESSION_SECRET;
  if (configured) return (secret = configured);
  const file = path.join(config().DATA_DIR, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (secret = fs.readFileSync(file, "utf8").trim());
}

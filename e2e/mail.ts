/**
 * The e2e server has no SMTP_URL, so its emails are .eml files under its DATA_DIR/mail (see
 * app/modules/notifications/email.server.ts). A journey waits for the one it expects, read with
 * the same reader as the store's /dev/mail page.
 */
import { expect } from "@playwright/test";
import path from "node:path";
import { mailOnDisk } from "../app/modules/notifications/email.server";
import { e2e } from "./env";

type Mail = Awaited<ReturnType<typeof mailOnDisk>>[number];

/** The newest email to `to` whose subject contains `subject`, waiting for the outbox to write it. */
export async function mailTo(to: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailOnDisk(500, path.join(e2e.dataDir, "mail"))).find((mail) => mail.to === to && mail.subject.includes(subject));
        return Boolean(found);
      },
      { timeout: 15_000, message: `an email to ${to} about "${subject}"` },
    )
    .toBe(true);
  return found!;
}

/** The first link in an email's text that matches `pattern`. */
export function linkIn(mail: Mail, pattern: RegExp): string {
  const link = mail.text.split(/\s+/).find((word) => pattern.test(word));
  if (!link) throw new Error(`no link matching ${pattern} in: ${mail.text}`);
  return link;
}

/**
 * Email: messages are written to the outbox with the change that causes them (`sendEmail`) and
 * delivered by the EMAIL handler: through SMTP when SMTP_URL is set, otherwise as .eml files
 * under DATA_DIR/mail (open them in any mail program; a development page lists them). A failed
 * send is retried with backoff by the outbox and never undoes or blocks the change.
 */
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import { config } from "~/config.server";
import type { Client } from "~/db/transaction.server";
import { enqueue, enqueueAll } from "~/modules/outbox/outbox.server";
import { defineHandler } from "~/modules/outbox/worker.server";

export const emailSchema = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(100_000),
  html: z.string().max(300_000).optional(),
  replyTo: z.email().max(254).optional(),
  /** Extra headers, such as List-Unsubscribe on messages a person may stop (RFC 2369, RFC 8058). */
  headers: z.record(z.string().regex(/^List-[A-Za-z-]+$/), z.string().max(2000).regex(/^[^\r\n]*$/)).optional(),
});
export type Email = z.infer<typeof emailSchema>;

/** Asks for an email to be sent once the caller's transaction commits. */
export function sendEmail(client: Client, email: Email, options: { dedupeKey?: string } = {}): Promise<boolean> {
  return enqueue(client, "EMAIL", emailSchema.parse(email), options);
}

/** Several emails with one write. */
export function sendEmails(client: Client, emails: readonly (Email & { dedupeKey?: string })[]): Promise<number> {
  return enqueueAll(
    client,
    emails.map(({ dedupeKey, ...email }) => ({ topic: "EMAIL" as const, payload: emailSchema.parse(email), dedupeKey })),
  );
}

export function mailDir(): string {
  return path.resolve(config().DATA_DIR, "mail");
}

type Transport = { send(email: Email, messageId: string): Promise<void> };

let transport: Transport | undefined;

function mailTransport(): Transport {
  if (transport) return transport;
  const { SMTP_URL, MAIL_FROM } = config();
  if (SMTP_URL) {
    const smtp = nodemailer.createTransport(SMTP_URL);
    transport = {
      async send(email, messageId) {
        // The outbox id as Message-ID: a receiving server can tell a retried send from a new one.
        await smtp.sendMail({ from: MAIL_FROM, ...email, messageId: `<${messageId}@sammachip>` });
      },
    };
  } else {
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    transport = {
      async send(email, messageId) {
        const info = await builder.sendMail({ from: MAIL_FROM, ...email, messageId: `<${messageId}@sammachip>` });
        await fs.mkdir(mailDir(), { recursive: true });
        // Named by time then id, so a listing sorted by name is newest last; rewriting on retry is harmless.
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${messageId}.eml`;
        const existing = (await fs.readdir(mailDir())).find((file) => file.endsWith(`-${messageId}.eml`));
        await fs.writeFile(path.join(mailDir(), existing ?? name), info.message as Buffer);
      },
    };
  }
  return transport;
}

/** Tests put a transport of their own in. */
export function useMailTransport(next: Transport | undefined): void {
  transport = next;
}

export const emailHandler = defineHandler({
  topic: "EMAIL",
  payload: emailSchema,
  batch: 10,
  async deliver(messages) {
    const failed = new Map<string, string>();
    // One at a time: an SMTP server rejecting one address must not fail the others.
    for (const message of messages) {
      try {
        await mailTransport().send(message.payload, message.id);
      } catch (error) {
        failed.set(message.id, error instanceof Error ? error.message : String(error));
      }
    }
    return { failed };
  },
});

/** The newest emails written to disk (no SMTP configured), for the development mail page (and the browser tests, from their server's folder). */
export async function mailOnDisk(limit = 50, dir = mailDir()): Promise<{ name: string; to: string; subject: string; text: string }[]> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".eml")).sort().reverse().slice(0, limit);
  return Promise.all(
    files.map(async (name) => {
      const raw = await fs.readFile(path.join(dir, name), "utf8");
      const [folded, ...body] = raw.split("\n\n");
      // Long headers (a Thai subject is several encoded words) continue on indented lines.
      const head = folded.replace(/\r?\n[ \t]+/g, " ");
      const header = (field: string) => new RegExp(`^${field}: (.*)$`, "m").exec(head)?.[1] ?? "";
      return { name, to: header("To"), subject: decodeMimeWords(header("Subject")), text: decodeBody(body.join("\n\n"), head) };
    }),
  );
}

function decodeMimeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes);
  } catch {
    return text;
  }
}

function decodeBody(body: string, head: string): string {
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) return decodeQuotedPrintable(body);
  return body;
}

/**
 * LINE messages to a group's LINE chat, through the LINE Messaging API (LINE Notify closed in
 * 2025). The group invites the store's bot to its chat; the bot's `join` event gives the chat's
 * id. Messages go through the outbox like email; each push carries an X-Line-Retry-Key derived
 * from the outbox message, so a retried push after a lost answer is never delivered twice. With no
 * LINE_CHANNEL_ACCESS_TOKEN, messages are written as JSON files under DATA_DIR/line instead.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { config } from "~/config.server";
import type { Client } from "~/db/transaction.server";
import { enqueue } from "~/modules/outbox/outbox.server";
import { defineHandler } from "~/modules/outbox/worker.server";

export const lineMessageSchema = z.object({
  /** A LINE user, group or room id (U…, C…, R… followed by 32 hex digits). */
  to: z.string().regex(/^[UCR][0-9a-f]{32}$/, "must be a LINE user, group or room id"),
  /** Plain text; LINE allows 5000 characters per text message. */
  text: z.string().min(1).max(5000),
});
export type LineMessage = z.infer<typeof lineMessageSchema>;

export function sendLineMessage(client: Client, message: LineMessage, options: { dedupeKey?: string } = {}): Promise<boolean> {
  return enqueue(client, "LINE", lineMessageSchema.parse(message), options);
}

/** A UUID that is always the same for one outbox message: what LINE dedupes retries by. */
export function retryKeyFor(messageId: string): string {
  const hex = crypto.createHash("sha256").update(`line-retry:${messageId}`).digest("hex");
  // Shaped as a version-4 UUID, which is what LINE accepts.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function lineDir(): string {
  return path.resolve(config().DATA_DIR, "line");
}

async function push(message: LineMessage, messageId: string): Promise<void> {
  const { LINE_CHANNEL_ACCESS_TOKEN, LINE_API_URL } = config();
  if (!LINE_CHANNEL_ACCESS_TOKEN) {
    await fs.mkdir(lineDir(), { recursive: true });
    await fs.writeFile(path.join(lineDir(), `${messageId}.json`), `${JSON.stringify(message, null, 2)}\n`);
    return;
  }
  const response = await fetch(new URL("/v2/bot/message/push", LINE_API_URL), {
    method: "POST",
    headers: {
      Authorization: `Bearer ${LINE_CHANNEL_ACCESS_TOKEN}`,
      "Content-Type": "application/json",
      "X-Line-Retry-Key": retryKeyFor(messageId),
    },
    body: JSON.stringify({ to: message.to, messages: [{ type: "text", text: message.text }] }),
    signal: AbortSignal.timeout(10_000),
  });
  // 409: a request with this retry key was already accepted, so the message went out before.
  if (response.ok || response.status === 409) return;
  const body = (await response.text()).slice(0, 500);
  throw new Error(`LINE push answered ${response.status}: ${body}`);
}

export const lineHandler = defineHandler({
  topic: "LINE",
  payload: lineMessageSchema,
  batch: 10,
  async deliver(messages) {
    const failed = new Map<string, string>();
    for (const message of messages) {
      try {
        await push(message.payload, message.id);
      } catch (error) {
        failed.set(message.id, error instanceof Error ? error.message : String(error));
      }
    }
    return { failed };
  },
});

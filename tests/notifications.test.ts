/**
 * Email and LINE delivered through the outbox: with no SMTP server configured an email becomes an
 * .eml file under DATA_DIR/mail; LINE pushes carry the same X-Line-Retry-Key on every retry of one
 * message, a 409 (already accepted) counts as delivered, and a failure is kept for retry.
 */
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sammachip-notify-"));
process.env.DATA_DIR = dataDir;
process.env.LINE_CHANNEL_ACCESS_TOKEN = "test-token";

const received: { retryKey: string | undefined; body: string; auth: string | undefined }[] = [];
let answer = 200;
const line = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    received.push({ retryKey: req.headers["x-line-retry-key"] as string | undefined, body, auth: req.headers.authorization });
    res.writeHead(answer, { "Content-Type": "application/json" }).end(answer === 500 ? '{"message":"internal"}' : "{}");
  });
});
await new Promise<void>((resolve) => line.listen(0, "127.0.0.1", resolve));
process.env.LINE_API_URL = `http://127.0.0.1:${(line.address() as AddressInfo).port}`;

const { db } = await import("~/db/client.server");
const { emailHandler, mailDir, sendEmail } = await import("~/modules/notifications/email.server");
const { lineHandler, retryKeyFor, sendLineMessage } = await import("~/modules/notifications/line.server");
const { deliverDue } = await import("~/modules/outbox/worker.server");

beforeAll(async () => {
  await db().outboxMessage.deleteMany();
});
afterAll(async () => {
  line.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("email without an SMTP server", () => {
  it("is written as a readable .eml file once the outbox delivers it", async () => {
    await db().$transaction((tx) =>
      sendEmail(tx, { to: "buyer@example.com", subject: "คำสั่งซื้อ SM-2570-000123", text: "ขอบคุณที่อุดหนุนกลุ่มอาชีพ" }),
    );
    expect(await deliverDue(db(), emailHandler)).toMatchObject({ done: 1 });
    const files = await fs.readdir(mailDir());
    expect(files).toHaveLength(1);
    const eml = await fs.readFile(path.join(mailDir(), files[0]), "utf8");
    expect(eml).toMatch(/^To: buyer@example.com$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toContain("Message-ID: <");
  });

  it("refuses to enqueue an email without a valid address", async () => {
    await expect(db().$transaction((tx) => sendEmail(tx, { to: "not-an-address", subject: "x", text: "y" }))).rejects.toThrow();
    expect(await db().outboxMessage.count({ where: { topic: "EMAIL", processedAt: null } })).toBe(0);
  });
});

describe("LINE pushes", () => {
  const to = `C${"a1".repeat(16)}`;

  it("retries a failed push with the same retry key, and a 409 on retry counts as delivered", async () => {
    received.length = 0;
    await sendLineMessage(db(), { to, text: "มีคำสั่งซื้อใหม่ SM-2570-000123" });
    const message = await db().outboxMessage.findFirstOrThrow({ where: { topic: "LINE" } });

    answer = 500;
    expect(await deliverDue(db(), lineHandler)).toMatchObject({ failed: 1 });
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).lastError).toContain("500");

    answer = 409;
    await db().outboxMessage.update({ where: { id: message.id }, data: { availableAt: new Date(Date.now() - 1) } });
    expect(await deliverDue(db(), lineHandler)).toMatchObject({ done: 1 });

    expect(received).toHaveLength(2);
    expect(received[0].retryKey).toBe(retryKeyFor(message.id));
    expect(received[1].retryKey).toBe(received[0].retryKey);
    expect(received[0].auth).toBe("Bearer test-token");
    expect(JSON.parse(received[0].body)).toEqual({ to, messages: [{ type: "text", text: "มีคำสั่งซื้อใหม่ SM-2570-000123" }] });
  });

  it("makes retry keys that are UUIDs and differ between messages", () => {
    expect(retryKeyFor("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retryKeyFor("a")).toBe(retryKeyFor("a"));
    expect(retryKeyFor("a")).not.toBe(retryKeyFor("b"));
  });
});

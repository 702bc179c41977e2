/**
 * Transfer slips for PromptPay paid straight to a group. A transfer to a personal PromptPay id
 * tells nobody but the two banks, so the buyer uploads the slip their banking app made: its
 * mini-QR is read (sharp decodes the image to RGBA pixels, jsQR finds the QR, promptparse's
 * slip-verify parser reads the sending bank and the transaction reference), the reference is
 * kept on the payment (unique: a slip already used for any order is refused, a common fraud),
 * and the image is kept privately, under DATA_DIR/slips, never under the public media path, so
 * only the buyer and the group see it. The payment then waits for the group's treasurer.
 */
import crypto from "node:crypto";
import path from "node:path";
import jsQR from "jsqr";
import sharp from "sharp";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import { Prisma } from "~/generated/prisma/client";
import { runWorkflow, step } from "~/lib/workflow.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { ImageRejectedError } from "~/modules/media/errors";
import { uploadLimits } from "~/modules/media/media.server";
import { inspectImage } from "~/modules/media/pipeline.server";
import { localStorage, type MediaStorage } from "~/modules/media/storage.server";
import { slipSubmittedMessages } from "./payment-messages.server";
import { readSlipPayload } from "./promptpay";

export type SlipRejection = "missing" | "tooLarge" | "notAnImage" | "noQr" | "notASlip" | "alreadyUsed" | "notAwaitingSlip";

export class SlipRejectedError extends Error {
  readonly name = "SlipRejectedError";
  constructor(readonly reason: SlipRejection) {
    super(`Slip refused: ${reason}`);
  }
}

let storage: MediaStorage | undefined;

/** The private store of slip images (tests may put their own in). */
export function slipStorage(next?: MediaStorage): MediaStorage {
  if (next) storage = next;
  storage ??= localStorage(path.resolve(config().DATA_DIR, "slips"), "/slips");
  return storage;
}

/** Slips are phone screenshots; the mini-QR is small, so a big image is also tried at a size jsQR scans well. */
const SCAN_WIDTHS = [null, 1200, 800] as const;

/**
 * Reads a slip image's mini-QR: the sending bank and the transaction reference. Throws
 * SlipRejectedError for something that is not an image, an image with no QR, or a QR that is not
 * a slip's (a PromptPay payment QR, a LINE link).
 */
export async function readSlipImage(bytes: Buffer | null): Promise<{ sendingBank: string; transRef: string }> {
  const limits = uploadLimits();
  if (!bytes || bytes.length === 0) throw new SlipRejectedError("missing");
  try {
    await inspectImage(bytes, limits);
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new SlipRejectedError(error.reason === "tooLarge" ? "tooLarge" : "notAnImage");
    throw error;
  }
  let text: string | null = null;
  for (const width of SCAN_WIDTHS) {
    const pipeline = sharp(bytes, { limitInputPixels: limits.maxPixels }).rotate();
    if (width) pipeline.resize({ width, withoutEnlargement: true });
    const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, { inversionAttempts: "attemptBoth" });
    if (found?.data) {
      text = found.data;
      break;
    }
  }
  if (!text) throw new SlipRejectedError("noQr");
  const slip = readSlipPayload(text);
  if (!slip) throw new SlipRejectedError("notASlip");
  return slip;
}

/** The image as kept: upright, at most 1600 px wide, WebP, with no metadata (a photo's GPS stays on the phone). */
async function keptImage(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: uploadLimits().maxPixels }).rotate().resize({ width: 1600, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * The buyer's slip for one PromptPay payment of their order: read, checked for reuse, stored
 * privately, and the payment set AWAITING_CONFIRMATION with the group told, in one transaction
 * (the file is deleted again if that transaction fails).
 */
export async function submitSlip(input: { orderId: string; paymentId: string; bytes: Buffer | null; actorId: string | null }) {
  const slip = await readSlipImage(input.bytes);
  const reference = `${slip.sendingBank}:${slip.transRef}`;
  // A cheap early answer; the unique index below is what guarantees it.
  const used = await db().payment.findUnique({ where: { slipReference: reference }, select: { id: true } });
  if (used) throw new SlipRejectedError(used.id === input.paymentId ? "notAwaitingSlip" : "alreadyUsed");
  const image = await keptImage(input.bytes!);
  const key = `slips/${input.orderId}/${crypto.randomBytes(16).toString("hex")}.webp`;
  const files = slipStorage();
  return runWorkflow<{ paymentId: string }>("submit transfer slip", [
    step(
      "store the slip privately",
      () => files.put(key, image, "image/webp"),
      () => files.delete(key),
    ),
    step("record the slip", () =>
      inTransaction(db(), async (tx) => {
        const [payment] = await tx.$queryRaw<{ id: string; status: string; provider: string; groupOrderId: string | null }[]>`
          SELECT id, status, provider, "groupOrderId" FROM "Payment" WHERE id = ${input.paymentId} AND "orderId" = ${input.orderId} FOR UPDATE`;
        if (!payment || payment.provider !== "PROMPTPAY_DIRECT" || payment.status !== "PENDING") throw new SlipRejectedError("notAwaitingSlip");
        try {
          await tx.payment.update({
            where: { id: payment.id },
            data: { status: "AWAITING_CONFIRMATION", slipReference: reference, slipStorageKey: key, failureReason: null },
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new SlipRejectedError("alreadyUsed");
          throw error;
        }
        // The treasurer needs time to check their bank: the order is not left to expire under them.
        const checkBy = new Date(Date.now() + config().UNPAID_ORDER_MINUTES * 60_000);
        await tx.order.updateMany({ where: { id: input.orderId, status: "PENDING_PAYMENT", expiresAt: { lt: checkBy } }, data: { expiresAt: checkBy } });
        const groupOrder = await tx.groupOrder.findUniqueOrThrow({ where: { id: payment.groupOrderId! }, select: { groupId: true } });
        await recordAudit(tx, { actorId: input.actorId, groupId: groupOrder.groupId, action: "payment.slip.submit", subjectType: "Payment", subjectId: payment.id, after: { sendingBank: slip.sendingBank, transRef: slip.transRef } });
        await slipSubmittedMessages(tx, payment.id);
        return { paymentId: payment.id };
      }),
    ),
  ]);
}

/** A slip's image, for the buyer of its order or a member of its group: the caller has checked which. */
export async function slipImage(storageKey: string): Promise<Buffer | null> {
  return slipStorage().get(storageKey);
}

/** The largest slip image accepted, in bytes (the photo limit: a slip is a phone screenshot). */
export function slipMaxBytes(): number {
  return uploadLimits().maxBytes;
}

/** The latest transfer slip image of one of a group's orders, or null (none, or another group's order). */
export async function transferSlipOfGroupOrder(groupId: string, groupOrderId: string, client: Client = db()): Promise<Buffer | null> {
  const payment = await client.payment.findFirst({
    where: { groupOrderId, groupOrder: { groupId }, slipStorageKey: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { slipStorageKey: true },
  });
  return payment?.slipStorageKey ? slipStorage().get(payment.slipStorageKey) : null;
}

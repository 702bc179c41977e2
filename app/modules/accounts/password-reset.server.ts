/**
 * Forgotten passwords: a one-time link by email (the PasswordReset table keeps only a hash of
 * its token), valid for RESET_MINUTES. Asking gives the same answer whether or not the address
 * has an account, and is rate-limited per address and per client (attempts.server.ts). Using the
 * link sets the new password, spends every open link of the account and ends all its sessions,
 * so whoever knew the old password, or holds an old browser, is out.
 *
 * The link's origin is PUBLIC_URL (or localhost), never the request's Host header: a reset asked
 * for with a forged Host would otherwise mail the victim a link to the forger's site.
 */
import crypto from "node:crypto";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import type { Locale } from "~/generated/prisma/enums";
import { href, translator } from "~/i18n/i18n";
import { sendEmail } from "~/modules/notifications/email.server";
import { reserveResetRequest, type ResetLimit } from "./attempts.server";
import { ResetLinkError } from "./errors";
import { hashPassword } from "./password.server";

export const RESET_MINUTES = 60;
export const RESET_LIMIT: ResetLimit = { perEmail: 3, perAddress: 20 };

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
/** 32 random bytes, base64url: what a link carries. Anything else is refused before the database. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function origin(): string {
  return (config().PUBLIC_URL ?? `http://localhost:${config().PORT}`).replace(/\/$/, "");
}

/**
 * Mails a reset link when `email` has an account, and nothing otherwise; either way the caller
 * tells the visitor the same thing. Throws TooManyResetRequestsError past the hourly limits.
 */
export async function requestPasswordReset(input: { email: string; lang: Locale; clientAddress: string; limit?: ResetLimit }): Promise<void> {
  await reserveResetRequest(input.email, input.clientAddress, input.limit ?? RESET_LIMIT);
  const token = crypto.randomBytes(32).toString("base64url");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    if (!user) return;
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) } });
    const t = translator(input.lang);
    await sendEmail(tx, {
      to: user.email,
      subject: t("resetMail.subject"),
      text: t("resetMail.body", { link: `${origin()}${href(input.lang, `/reset-password/${token}`)}`, minutes: RESET_MINUTES }),
    });
  });
}

async function usableReset(token: string) {
  if (!TOKEN.test(token)) throw new ResetLinkError("unknown");
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: hashOf(token) }, select: { id: true, userId: true, usedAt: true, expiresAt: true } });
  if (!reset) throw new ResetLinkError("unknown");
  if (reset.usedAt) throw new ResetLinkError("used");
  if (reset.expiresAt <= new Date()) throw new ResetLinkError("expired");
  return reset;
}

/** Whether a link can still be used, for its page; throws ResetLinkError when not. */
export async function checkResetLink(token: string): Promise<void> {
  await usableReset(token);
}

/**
 * Sets a new password with a link, once. Two tabs posting the same link race to spend it; the
 * conditional update lets one through. Returns the account's email, for the sign-in form.
 */
export async function resetPassword(input: { token: string; password: string }): Promise<{ email: string }> {
  const reset = await usableReset(input.token);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const now = new Date();
    const spent = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count === 0) throw new ResetLinkError("used");
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { email: true } });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return user;
  });
}

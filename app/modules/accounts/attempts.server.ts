/**
 * Sign-in, sign-up and password-reset attempts, recorded in LoginAttempt under the keys
 * "email:<address>", "ip:<client address>", "signup:ip:<client address>",
 * "reset:email:<address>" and "reset:ip:<client address>".
 *
 * An attempt is reserved (written as a failure) *before* the password is
 * checked, and marked succeeded afterwards if the password was right. Reading
 * the recent attempts and writing the reservation happen in one transaction
 * holding an advisory lock per key, so concurrent requests for one account or
 * address take turns: forty parallel guesses see each other's reservations,
 * and at most the limit of them reach the password check. The rules are in
 * throttle.ts. Times are the database's clock, in UTC as Prisma stores them,
 * so every process of the store agrees.
 */
import { db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { TooManyAttemptsError, TooManyResetRequestsError, TooManySignUpsError } from "./errors";
import { accountWait, ceilingWait, type SignInLimit } from "./throttle";

export type { SignInLimit } from "./throttle";

type Tx = Prisma.TransactionClient;

const NOW = Prisma.raw(`(clock_timestamp() AT TIME ZONE 'UTC')`);
const SIGNUP_WINDOW_SECONDS = 3600;
/** Longest any rule looks back; older rows are of no use. */
const KEEP_MINUTES = 24 * 60;
const PRUNE_CHANCE = 0.02;

/**
 * Runs `work` while holding the keys' locks. Waiting turns can take a moment
 * under a burst, so the transaction may wait longer than Prisma's 2 s default.
 */
async function withKeysLocked<T>(keys: string[], work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db().$transaction(
    async (tx) => {
      // One order for everyone, so two requests sharing keys cannot wait on each other.
      for (const key of [...new Set(keys)].sort()) {
        await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      }
      return work(tx);
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (Math.random() < PRUNE_CHANCE) await pruneAttempts();
  return result;
}

/** Ages in seconds of a key's attempts in the window, newest first, at most `limit` of them. */
async function recentAges(
  tx: Tx,
  key: string,
  windowSeconds: number,
  limit: number,
  only: "failures" | "failures since a success" | "all",
): Promise<number[]> {
  const failuresOnly = only !== "all";
  const sinceSuccess = only === "failures since a success";
  const rows = await tx.$queryRaw<{ age: number }[]>`
    SELECT extract(epoch FROM ${NOW} - "createdAt")::float8 AS age
    FROM "LoginAttempt"
    WHERE key = ${key}
      AND "createdAt" > ${NOW} - make_interval(secs => ${windowSeconds})
      AND (NOT ${failuresOnly} OR NOT succeeded)
      AND (NOT ${sinceSuccess} OR "createdAt" > coalesce(
        (SELECT max("createdAt") FROM "LoginAttempt" WHERE key = ${key} AND succeeded), '-infinity'))
    ORDER BY "createdAt" DESC
    LIMIT ${limit}`;
  return rows.map((row) => row.age);
}

async function reserve(tx: Tx, keys: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const key of keys) {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "LoginAttempt" (id, key, succeeded, "createdAt")
      VALUES (gen_random_uuid()::text, ${key}, false, ${NOW})
      RETURNING id`;
    ids.push(row!.id);
  }
  return ids;
}

/** A reserved sign-in attempt: pass it to `markSignInSucceeded` when the password was right. */
export interface SignInReservation {
  ids: string[];
}

/**
 * Reserves one sign-in attempt for this email from this address, or throws
 * TooManyAttemptsError (with the seconds to wait) without recording anything.
 */
export async function reserveSignIn(email: string, clientAddress: string, limit: SignInLimit): Promise<SignInReservation> {
  const accountKey = `email:${email}`;
  const addressKey = `ip:${clientAddress}`;
  const windowSeconds = limit.windowMinutes * 60;
  return withKeysLocked([accountKey, addressKey], async (tx) => {
    // Only the password's owner can succeed, so a success wipes the account's slate; not the
    // address's, or a guesser could reset it by signing in to an account of their own.
    const account = await recentAges(tx, accountKey, windowSeconds, 1000, "failures since a success");
    const address = await recentAges(tx, addressKey, windowSeconds, limit.maxPerAddress, "failures");
    const wait = Math.max(accountWait(account, limit), ceilingWait(address, limit.maxPerAddress, windowSeconds));
    if (wait > 0) throw new TooManyAttemptsError(wait);
    return { ids: await reserve(tx, [accountKey, addressKey]) };
  });
}

export async function markSignInSucceeded(reservation: SignInReservation): Promise<void> {
  await db().loginAttempt.updateMany({ where: { id: { in: reservation.ids } }, data: { succeeded: true } });
}

/**
 * Records one sign-up attempt from this address (whether or not the account
 * is then created), or throws TooManySignUpsError past `maxPerHour`.
 */
export async function reserveSignUp(clientAddress: string, maxPerHour: number): Promise<void> {
  const key = `signup:ip:${clientAddress}`;
  await withKeysLocked([key], async (tx) => {
    const wait = ceilingWait(await recentAges(tx, key, SIGNUP_WINDOW_SECONDS, maxPerHour, "all"), maxPerHour, SIGNUP_WINDOW_SECONDS);
    if (wait > 0) throw new TooManySignUpsError(wait);
    await reserve(tx, [key]);
  });
}

/** How many password-reset emails one address, and one client address, may ask for per hour. */
export interface ResetLimit {
  perEmail: number;
  perAddress: number;
}

/**
 * Records one password-reset request for this email from this client address, or throws
 * TooManyResetRequestsError past either hourly limit. Counted whether or not the email has an
 * account, so the limit itself says nothing about which do; it keeps anyone from filling a
 * stranger's inbox, or using the store to send mail in bulk.
 */
export async function reserveResetRequest(email: string, clientAddress: string, limit: ResetLimit): Promise<void> {
  const emailKey = `reset:email:${email}`;
  const addressKey = `reset:ip:${clientAddress}`;
  await withKeysLocked([emailKey, addressKey], async (tx) => {
    const wait = Math.max(
      ceilingWait(await recentAges(tx, emailKey, SIGNUP_WINDOW_SECONDS, limit.perEmail, "all"), limit.perEmail, SIGNUP_WINDOW_SECONDS),
      ceilingWait(await recentAges(tx, addressKey, SIGNUP_WINDOW_SECONDS, limit.perAddress, "all"), limit.perAddress, SIGNUP_WINDOW_SECONDS),
    );
    if (wait > 0) throw new TooManyResetRequestsError(wait);
    await reserve(tx, [emailKey, addressKey]);
  });
}

/** Deletes attempts older than any rule looks at (a batch at a time; called now and then). */
export async function pruneAttempts(): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "LoginAttempt" WHERE id IN (
      SELECT id FROM "LoginAttempt" WHERE "createdAt" < ${NOW} - make_interval(mins => ${KEEP_MINUTES}) LIMIT 5000)`;
}

/**
 * Accounts: users, their passwords, their signed-in sessions, and the sign-in
 * and sign-up limits (attempts.server.ts). Owns the User, Session and
 * LoginAttempt tables.
 */
import { db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/generated/prisma/enums";
import { markSignInSucceeded, reserveSignIn, reserveSignUp, type SignInLimit } from "./attempts.server";
import { EmailTakenError, InvalidCredentialsError } from "./errors";
import { hashPassword, verifyPassword } from "./password.server";
import type { SignUpInput } from "./schemas";

export const SESSION_DAYS = 30;

export type { SignInLimit } from "./attempts.server";

/**
 * Creates an account. Each try counts against the client address's hourly
 * sign-up limit (TooManySignUpsError past it), whether or not it succeeds.
 */
export async function signUp(input: SignUpInput & { locale: Locale; clientAddress: string; maxPerHour: number }) {
  await reserveSignUp(input.clientAddress, input.maxPerHour);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, name: input.name, passwordHash, locale: input.locale },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

// A real Argon2 hash of a random password: checking against it when the email
// is unknown costs the same time as a real check, so timing does not reveal
// which emails have accounts.
const decoyHash = hashPassword(crypto.randomUUID());

/**
 * Checks an email and password. The attempt is reserved first (see
 * attempts.server.ts): when this account or address must wait, it throws
 * TooManyAttemptsError before the password is looked at, even a right one.
 */
export async function authenticate(input: { email: string; password: string; clientAddress: string; limit: SignInLimit }) {
  const reservation = await reserveSignIn(input.email, input.clientAddress, input.limit);
  const user = await db().user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !valid) throw new InvalidCredentialsError();
  await markSignInSucceeded(reservation);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Starts a new session, ending `previousSessionId` (rotation at sign-in). */
export async function startSession(userId: string, previousSessionId?: string) {
  return db().$transaction(async (tx) => {
    if (previousSessionId) await tx.session.deleteMany({ where: { id: previousSessionId } });
    return tx.session.create({
      data: { userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
      select: { id: true, expiresAt: true },
    });
  });
}

export async function endSession(sessionId: string) {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** The signed-in user of a session, with their group memberships; null if expired or unknown. */
export async function userForSession(sessionId: string) {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          memberships: {
            orderBy: { createdAt: "asc" },
            select: { groupId: true, role: true, committeeRole: true, group: { select: { slug: true, nameTh: true, nameEn: true } } },
          },
        },
      },
    },
  });
  if (!session || session.expiresAt < new Date()) return null;
  return session.user;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof userForSession>>>;

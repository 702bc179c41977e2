/**
 * A buyer's own account page: what it shows (name, email, phone, language, saved addresses, the
 * groups they follow) and
 * the changes a buyer makes to it. A password change needs the current password, is limited like
 * a sign-in (a borrowed, still-open browser must not become a way to guess it), and ends every
 * other session of the account.
 */
import { db } from "~/db/client.server";
import type { Locale } from "~/generated/prisma/enums";
import { markSignInSucceeded, reserveSignIn, type SignInLimit } from "./attempts.server";
import { InvalidCredentialsError } from "./errors";
import { hashPassword, verifyPassword } from "./password.server";

export function accountOf(userId: string) {
  return db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      phone: true,
      locale: true,
      createdAt: true,
      addresses: {
        orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
        select: { id: true, recipientName: true, phone: true, line: true, subdistrict: true, district: true, province: true, postcode: true, isDefault: true },
      },
      follows: { orderBy: { createdAt: "desc" }, take: 100, select: { group: { select: { slug: true, nameTh: true, nameEn: true } } } },
    },
  });
}

export async function updateProfile(input: { userId: string; name: string; phone: string | null; locale: Locale }) {
  await db().user.update({ where: { id: input.userId }, data: { name: input.name, phone: input.phone, locale: input.locale } });
}

/** Throws InvalidCredentialsError for a wrong current password, TooManyAttemptsError past the sign-in limit. */
export async function changePassword(input: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  keepSessionId: string | undefined;
  clientAddress: string;
  limit: SignInLimit;
}) {
  const user = await db().user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true, passwordHash: true } });
  const reservation = await reserveSignIn(user.email, input.clientAddress, input.limit);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new InvalidCredentialsError();
  await markSignInSucceeded(reservation);
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: input.userId, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) } });
    await tx.passwordReset.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: new Date() } });
  });
}

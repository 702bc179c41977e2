import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { authenticate, endSession, signUp, startSession, userForSession } from "~/modules/accounts/accounts.server";
import { EmailTakenError, InvalidCredentialsError, TooManyAttemptsError } from "~/modules/accounts/errors";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo";

const limit = { maxAttempts: 3, windowMinutes: 15, maxPerAddress: 6 };
const signUpFrom = { clientAddress: "10.3.0.1", maxPerHour: 20 };

describe("sign-up", () => {
  it("stores an Argon2id hash, never the password", async () => {
    const user = await signUp({ name: "นิด", email: "nid@example.com", password: "correct horse", locale: "th", ...signUpFrom });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse");
  });

  it("refuses an email that already has an account", async () => {
    await expect(
      signUp({ name: "x", email: demoAccounts.consumer.email, password: "whatever1", locale: "en", ...signUpFrom }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const ok = await authenticate({ email: demoAccounts.consumer.email, password: DEMO_PASSWORD, clientAddress: "10.0.0.1", limit });
    expect(ok.email).toBe(demoAccounts.consumer.email);
    await expect(
      authenticate({ email: demoAccounts.consumer.email, password: "wrong", clientAddress: "10.0.0.1", limit }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(
      authenticate({ email: "nobody@example.com", password: "wrong", clientAddress: "10.0.0.1", limit }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("locks an email after too many failures, even for the right password", async () => {
    const email = demoAccounts.staff.email;
    for (let i = 0; i < limit.maxAttempts; i++) {
      await expect(authenticate({ email, password: "guess", clientAddress: `10.1.0.${i}`, limit })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    await expect(authenticate({ email, password: DEMO_PASSWORD, clientAddress: "10.9.9.9", limit })).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });

  it("stops a client address that guesses across many emails at its (much higher) ceiling", async () => {
    for (let i = 0; i < limit.maxPerAddress; i++) {
      await expect(
        authenticate({ email: `victim${i}@example.com`, password: "guess", clientAddress: "10.2.0.1", limit }),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await expect(
      authenticate({ email: demoAccounts.consumer.email, password: DEMO_PASSWORD, clientAddress: "10.2.0.1", limit }),
    ).rejects.toBeInstanceOf(TooManyAttemptsError);
  });
});

describe("sessions", () => {
  it("rotate at sign-in and end at sign-out", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: demoAccounts.consumer.email } });
    const first = await startSession(user.id);
    const second = await startSession(user.id, first.id);
    expect(second.id).not.toBe(first.id);
    expect(await userForSession(first.id)).toBeNull();
    expect((await userForSession(second.id))?.email).toBe(user.email);
    await endSession(second.id);
    expect(await userForSession(second.id)).toBeNull();
  });

  it("expire", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: demoAccounts.consumer.email } });
    const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await userForSession(session.id)).toBeNull();
  });
});

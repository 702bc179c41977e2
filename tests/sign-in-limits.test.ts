/**
 * The sign-in and sign-up limits against a real PostgreSQL, through the real
 * `authenticate` and `signUp`. Password checks are counted by wrapping
 * verifyPassword (the module seam), not guessed from timing.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { pruneAttempts } from "~/modules/accounts/attempts.server";
import { authenticate, signUp } from "~/modules/accounts/accounts.server";
import { EmailTakenError, InvalidCredentialsError, TooManyAttemptsError, TooManySignUpsError } from "~/modules/accounts/errors";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo";

const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/modules/accounts/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/modules/accounts/password.server")>();
  return {
    ...original,
    verifyPassword: (hash: string, password: string) => {
      checks.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

const limit = { maxAttempts: 5, windowMinutes: 15, maxPerAddress: 100 };

beforeEach(async () => {
  checks.count = 0;
  await db().loginAttempt.deleteMany();
});

/** What an attempt came to: "ok", or the error's name. */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "ok";
  } catch (error) {
    if (error instanceof InvalidCredentialsError || error instanceof TooManyAttemptsError) return error.name;
    throw error;
  }
}

/** Moves every recorded attempt of a key back in time, as if `seconds` had passed. */
async function age(key: string, seconds: number) {
  await db().$executeRaw`UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}) WHERE key = ${key}`;
}

function tally(outcomes: string[]) {
  return outcomes.reduce<Record<string, number>>((counts, name) => ({ ...counts, [name]: (counts[name] ?? 0) + 1 }), {});
}

describe("sign-in limit per account", () => {
  it("checks at most LOGIN_MAX_ATTEMPTS of 40 parallel wrong passwords for one account", async () => {
    const email = demoAccounts.consumer.email;
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => outcome(authenticate({ email, password: `guess-${i}`, clientAddress: "203.0.113.7", limit }))),
    );
    expect(checks.count).toBe(limit.maxAttempts);
    expect(tally(outcomes)).toEqual({ InvalidCredentialsError: limit.maxAttempts, TooManyAttemptsError: 40 - limit.maxAttempts });
    expect(await db().loginAttempt.count({ where: { key: `email:${email}` } })).toBe(limit.maxAttempts);
  });

  it("holds the same for guesses spread over many addresses", async () => {
    const email = demoAccounts.staff.email;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => outcome(authenticate({ email, password: "guess", clientAddress: `198.51.100.${i}`, limit }))),
    );
    expect(checks.count).toBe(limit.maxAttempts);
  });

  it("then makes each further attempt wait, 30 s after the last failure, doubling; a right password resets it", async () => {
    const email = demoAccounts.consumer.email;
    const key = `email:${email}`;
    const attempt = (password: string) => authenticate({ email, password, clientAddress: "203.0.113.8", limit });
    for (let i = 0; i < limit.maxAttempts; i++) await expect(attempt("guess")).rejects.toBeInstanceOf(InvalidCredentialsError);

    // Even the right password waits, unchecked and unrecorded.
    const refused = await attempt(DEMO_PASSWORD).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect((refused as TooManyAttemptsError).retryAfterSeconds).toBeGreaterThan(25);
    expect((refused as TooManyAttemptsError).retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(checks.count).toBe(limit.maxAttempts);
    expect(await db().loginAttempt.count({ where: { key } })).toBe(limit.maxAttempts);

    await age(key, 31);
    await expect(attempt("guess")).rejects.toBeInstanceOf(InvalidCredentialsError);
    const longer = (await attempt("guess").catch((error: unknown) => error)) as TooManyAttemptsError;
    expect(longer.retryAfterSeconds).toBeGreaterThan(55);
    expect(longer.retryAfterSeconds).toBeLessThanOrEqual(60);

    await age(key, 61);
    await expect(attempt(DEMO_PASSWORD)).resolves.toMatchObject({ email });
    // The owner's success wipes the account's slate: the next typo is checked at once.
    await expect(attempt("typo")).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("forgets failures older than the window", async () => {
    const email = demoAccounts.staff.email;
    for (let i = 0; i < limit.maxAttempts; i++) {
      await expect(authenticate({ email, password: "guess", clientAddress: "203.0.113.9", limit })).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    await age(`email:${email}`, limit.windowMinutes * 60 + 1);
    await expect(authenticate({ email, password: DEMO_PASSWORD, clientAddress: "203.0.113.9", limit })).resolves.toMatchObject({ email });
  });
});

describe("one address, many people", () => {
  it("leaves the other accounts used from an address free when one of them is throttled", async () => {
    const village = "100.64.0.1";
    const locked = "somchai@example.com";
    for (let i = 0; i < limit.maxAttempts + 3; i++) await outcome(authenticate({ email: locked, password: "guess", clientAddress: village, limit }));
    await expect(authenticate({ email: locked, password: "guess", clientAddress: village, limit })).rejects.toBeInstanceOf(TooManyAttemptsError);

    await expect(authenticate({ email: demoAccounts.consumer.email, password: DEMO_PASSWORD, clientAddress: village, limit })).resolves.toMatchObject({
      email: demoAccounts.consumer.email,
    });
    // A neighbour's own typo is checked (and refused as a wrong password), not throttled.
    await expect(authenticate({ email: demoAccounts.staff.email, password: "typo", clientAddress: village, limit })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
  });

  it("stops an address at its ceiling of failures across accounts", async () => {
    const narrow = { ...limit, maxPerAddress: 8 };
    for (let i = 0; i < narrow.maxPerAddress; i++) {
      await expect(authenticate({ email: `victim${i}@example.com`, password: "guess", clientAddress: "192.0.2.66", limit: narrow })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    const refused = (await authenticate({ email: demoAccounts.consumer.email, password: DEMO_PASSWORD, clientAddress: "192.0.2.66", limit: narrow }).catch(
      (error: unknown) => error,
    )) as TooManyAttemptsError;
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect(refused.retryAfterSeconds).toBeGreaterThan(narrow.windowMinutes * 60 - 10);
    expect(checks.count).toBe(narrow.maxPerAddress);
  });
});

describe("sign-up limit per address", () => {
  const form = (i: number) => ({ name: `ผู้ซื้อ ${i}`, email: `buyer${i}@example.com`, password: "ผ้าไหมสวยมาก", locale: "th" as const });

  it("counts every try from an address in the hour, created or not, and refuses past the limit", async () => {
    const from = { clientAddress: "192.0.2.10", maxPerHour: 3 };
    await signUp({ ...form(1), ...from });
    await expect(signUp({ ...form(2), email: demoAccounts.consumer.email, ...from })).rejects.toBeInstanceOf(EmailTakenError);
    await signUp({ ...form(3), ...from });
    const refused = (await signUp({ ...form(4), ...from }).catch((error: unknown) => error)) as TooManySignUpsError;
    expect(refused).toBeInstanceOf(TooManySignUpsError);
    expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    expect(await db().user.count({ where: { email: "buyer4@example.com" } })).toBe(0);
    // Another address is not affected.
    await expect(signUp({ ...form(5), clientAddress: "192.0.2.11", maxPerHour: 3 })).resolves.toMatchObject({ email: "buyer5@example.com" });
  });

  it("holds under a parallel burst", async () => {
    const from = { clientAddress: "192.0.2.12", maxPerHour: 4 };
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => signUp({ ...form(100 + i), ...from })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(4);
    expect(results.filter((result) => result.status === "rejected" && result.reason instanceof TooManySignUpsError)).toHaveLength(8);
  });
});

describe("pruning", () => {
  it("deletes attempts older than any rule looks at, and keeps the rest", async () => {
    await authenticate({ email: demoAccounts.consumer.email, password: DEMO_PASSWORD, clientAddress: "192.0.2.20", limit });
    await outcome(authenticate({ email: "old@example.com", password: "x", clientAddress: "192.0.2.21", limit }));
    await age("email:old@example.com", 25 * 3600);
    await age("ip:192.0.2.21", 25 * 3600);
    expect(await pruneAttempts()).toBe(2);
    expect(await db().loginAttempt.count()).toBe(2);
  });
});

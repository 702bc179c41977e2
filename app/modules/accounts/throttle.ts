/**
 * The sign-in and sign-up limits as pure rules over recent attempts (their
 * ages in seconds, newest first); attempts.server.ts reads the ages and
 * records attempts.
 *
 * Guessing is limited per account: the first `maxAttempts` failures in the
 * window cost nothing, then each further attempt must wait 30 s after the last
 * failure, then 60 s, 120 s … up to the window. The owner who mistyped a few
 * times waits half a minute; a guesser gets a handful of tries an hour. Per
 * client address there is only a far higher ceiling, because one address is
 * often many people: a village sharing one Wi-Fi, a mobile carrier's NAT.
 */

export interface SignInLimit {
  /** Failures per account in the window before delays begin. */
  maxAttempts: number;
  windowMinutes: number;
  /** Failures per client address in the window. */
  maxPerAddress: number;
}

export const FIRST_DELAY_SECONDS = 30;

/** Seconds the account must still wait before its next attempt (0: it may try now). */
export function accountWait(failureAges: readonly number[], limit: SignInLimit): number {
  const beyond = failureAges.length - limit.maxAttempts;
  if (beyond < 0) return 0;
  const delay = Math.min(FIRST_DELAY_SECONDS * 2 ** beyond, limit.windowMinutes * 60);
  return Math.max(0, Math.ceil(delay - failureAges[0]!));
}

/**
 * Seconds until fewer than `ceiling` attempts remain in the window, given the
 * newest `ceiling` attempts' ages (0: below the ceiling now).
 */
export function ceilingWait(ages: readonly number[], ceiling: number, windowSeconds: number): number {
  if (ages.length < ceiling) return 0;
  return Math.max(0, Math.ceil(windowSeconds - ages[ceiling - 1]!));
}

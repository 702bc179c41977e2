/**
 * How long the money schedule waits before asking a provider again: a refund it could not send
 * (the provider was down) or one still pending, a transfer still on its way. Doubling from one
 * minute, never more than six hours apart, so a provider outage is not hammered and a slow
 * transfer is still seen the same day it settles.
 */
const MINUTE = 60_000;
export const MAX_RETRY_DELAY_MS = 6 * 60 * MINUTE;

/** The wait after the `attempts`-th try (1 = the first), in milliseconds. */
export function retryDelayMs(attempts: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(MINUTE * 2 ** doublings, MAX_RETRY_DELAY_MS);
}

/** When to ask again after the `attempts`-th try at `now`. */
export function nextAttemptAt(now: Date, attempts: number): Date {
  return new Date(now.getTime() + retryDelayMs(attempts));
}

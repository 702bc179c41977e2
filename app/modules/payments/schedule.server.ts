/**
 * The money schedule each instance runs (PAYOUT_INTERVAL_MINUTES; 0 = off): pays out what is
 * releasable, asks providers about transfers still on their way, and sends (or asks again about)
 * provider refunds. Every job claims its rows with SKIP LOCKED, so instances share the work, and
 * each waits for its provider with a backoff (backoff.ts) instead of asking at every tick. One
 * job failing does not stop the others.
 */
import { config } from "~/config.server";
import { now as clockNow } from "~/lib/clock.server";
import { checkProcessingPayouts, runPayouts } from "./payouts.server";
import { processPendingRefunds } from "./refunds.server";

export interface MoneyRun {
  payouts: Awaited<ReturnType<typeof runPayouts>> | null;
  transfers: Awaited<ReturnType<typeof checkProcessingPayouts>> | null;
  refunds: Awaited<ReturnType<typeof processPendingRefunds>> | null;
}

async function guarded<T>(name: string, job: () => Promise<T>): Promise<T | null> {
  try {
    return await job();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** One tick of the schedule at `at` (the store's clock by default). */
export async function runMoneySchedule(at: Date = clockNow()): Promise<MoneyRun> {
  // Refunds first: a pending refund holds its group order back from a payout.
  const refunds = await guarded("refunds", () => processPendingRefunds(at));
  const transfers = await guarded("payout checks", () => checkProcessingPayouts(at));
  const payouts = await guarded("payouts", () => runPayouts(at));
  return { payouts, transfers, refunds };
}

/** Starts the money schedule for this instance; a tick still running skips the next one. */
export function startPayoutSchedule(): { stop(): void } {
  const minutes = config().PAYOUT_INTERVAL_MINUTES;
  if (minutes === 0) return { stop() {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void runMoneySchedule().finally(() => {
      running = false;
    });
  }, minutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

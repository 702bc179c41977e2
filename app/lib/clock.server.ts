/**
 * The store's idea of "now" for money held on a schedule (payout holds, expiry sweeps). It is the
 * system clock, except when TEST_CLOCK_FILE names a file: then the file's whole number of
 * milliseconds is added, read at each call, so a browser journey can let a seven-day hold pass
 * while the server runs. Never set TEST_CLOCK_FILE in a real store.
 */
import fs from "node:fs";
import { config } from "~/config.server";

export function now(): Date {
  const file = config().TEST_CLOCK_FILE;
  if (!file) return new Date();
  let text = "";
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    // No file yet: the clock is not moved.
  }
  return new Date(Date.now() + (Number.parseInt(text.trim(), 10) || 0));
}

/**
 * Dividing whole satang without creating or losing one: a fee charged on a whole payment is
 * shared among its group orders in proportion to their totals, by the largest-remainder method,
 * so the parts are integers and always add up to the whole.
 */

/** Splits `amount` (integer satang ≥ 0) in proportion to `weights` (integers ≥ 0). */
export function splitProportionally(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be whole satang ≥ 0, got ${amount}`);
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0)) throw new RangeError("weights must be whole numbers ≥ 0");
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.length === 0) return [];
  if (total === 0) {
    // Nothing to weigh by: equal shares, the first ones taking the remainder.
    const base = Math.floor(amount / weights.length);
    return weights.map((_, index) => base + (index < amount - base * weights.length ? 1 : 0));
  }
  // BigInt: amount × weight can pass 2^53 for large payouts summed over many orders.
  const exact = weights.map((weight) => (BigInt(amount) * BigInt(weight)) / BigInt(total));
  const remainders = weights.map((weight, index) => ({ index, rest: (BigInt(amount) * BigInt(weight)) % BigInt(total) }));
  const parts = exact.map(Number);
  let left = amount - parts.reduce((sum, part) => sum + part, 0);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    parts[index]++;
    left--;
  }
  return parts;
}

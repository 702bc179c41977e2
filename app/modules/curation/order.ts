/** Orders staff choose (products in a collection, collections on the home page), as lists of ids. */

/** True when `proposed` names exactly the ids of `current`, each once, in any order. */
export function isReorderOf(current: readonly string[], proposed: readonly string[]): boolean {
  if (proposed.length !== current.length) return false;
  const remaining = new Set(current);
  for (const id of proposed) if (!remaining.delete(id)) return false;
  return remaining.size === 0;
}

/**
 * `ids` with `id` moved `offset` places (−1 up, +1 down), kept within the list; null when `id`
 * is not in it.
 */
export function moveBy(ids: readonly string[], id: string, offset: number): string[] | null {
  const from = ids.indexOf(id);
  if (from === -1) return null;
  const to = Math.min(ids.length - 1, Math.max(0, from + offset));
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

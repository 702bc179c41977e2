/** Typed failures of the groups module; routes map them to statuses. */

/**
 * The row asked for does not belong to the acting group (or does not exist). One error for every
 * kind of row a group owns (products, photos, orders, members), so a forged id from another group
 * is answered the same way everywhere: as if the row did not exist for this group.
 */
export class NotInGroupError extends Error {
  readonly name = "NotInGroupError";
  constructor(readonly subject: string) {
    super(`No such ${subject} in this group`);
  }
}

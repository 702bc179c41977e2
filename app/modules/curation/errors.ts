/**
 * Why a staff change to collections was refused. One error with a reason the route turns into a
 * status and a message in the reader's language (`console.errors.<reason>`); nothing was changed.
 */
export type CurationRefusal =
  /** No collection with that id or slug. */
  | "collectionNotFound"
  /** No product with that id that buyers can see (missing, hidden, draft, or its group is not verified). */
  | "productNotFound"
  /** The product asked for is not in this collection. */
  | "notInCollection"
  /** A new order names rows that are not in the list, or leaves some out, or names one twice. */
  | "orderMismatch"
  | "alreadyInCollection"
  /** The end of the schedule is not after its start. */
  | "scheduleOrder";

export class CurationError extends Error {
  readonly name = "CurationError";
  constructor(readonly reason: CurationRefusal) {
    super(`Collection change refused: ${reason}`);
  }

  get status(): number {
    switch (this.reason) {
      case "collectionNotFound":
      case "productNotFound":
      case "notInCollection":
        return 404;
      case "alreadyInCollection":
        return 409;
      default:
        return 400;
    }
  }
}

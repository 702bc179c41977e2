/**
 * The payment port: what checkout and orders may ask of any way of paying, so they never import
 * a provider. A provider starts a payment for a placed order (writing Payment rows in the
 * order's own transaction), says what the buyer does next, learns the result (a group's
 * confirmation, a provider's webhook re-checked with the provider), and refunds. Providers:
 * pay the group on pickup or delivery (CASH_ON_PICKUP, always offered); PromptPay straight to the
 * group, Omise and Stripe come with the payments work and plug in here.
 */
import type { Tx } from "~/db/client.server";
import type { PaymentProvider } from "~/generated/prisma/enums";

export type { PaymentProvider };

/** The order being paid, as placed. */
export interface PayableOrder {
  id: string;
  number: string;
  totalSatang: number;
  locale: "th" | "en";
  email: string | null;
  groupOrders: { id: string; groupId: string; totalSatang: number }[];
}

/** What the buyer does after placing the order. */
export type NextStep =
  /** Nothing now: they pay the group later (cash or transfer on pickup or delivery). */
  | { kind: "payLater" }
  /** A page of ours (e.g. a QR per group to scan, a slip to upload). */
  | { kind: "page"; path: string }
  /** A provider's page (hosted checkout, 3-D Secure, a bank app). */
  | { kind: "redirect"; url: string };

/** What a group needs for a provider to be offered for its part of an order. */
export interface PayeeGroup {
  id: string;
  promptPayId: string | null;
  payoutVerifiedAt: Date | null;
}

export interface PaymentPort {
  readonly provider: PaymentProvider;
  /**
   * Whether the buyer must pay before the groups hand the goods over. Orders paid this way
   * expire, releasing stock and capacity, if the money does not arrive in time.
   */
  readonly paysUpFront: boolean;
  /** Whether this way of paying can be offered for a basket from these groups. */
  offeredFor(groups: readonly PayeeGroup[]): boolean;
  /** Writes the payment rows for a placed order, in the order's transaction. */
  start(tx: Tx, order: PayableOrder, options: { expiresAt: Date | null }): Promise<void>;
  /** Where the buyer goes once the order is committed (providers may call out here, never inside the transaction). */
  nextStep(order: PayableOrder): Promise<NextStep>;
}

export class PaymentNotOfferedError extends Error {
  readonly name = "PaymentNotOfferedError";
  constructor(readonly provider: string) {
    super(`Payment by ${provider} is not offered for this order`);
  }
}

/**
 * The payment port: what checkout and orders may ask of any way of paying, so they never import
 * a provider. A provider starts a payment for a placed order (writing Payment rows in the
 * order's own transaction), says what the buyer does next, learns the result (a group's
 * confirmation, a provider's webhook re-checked with the provider), and refunds. Providers:
 * pay the group on pickup or delivery (CASH_ON_PICKUP, always offered), PromptPay straight to
 * each group (PROMPTPAY_DIRECT), and, when their keys are set, Omise and Stripe.
 *
 * Payout rails are the other half: how money the platform collected reaches a group (an Omise
 * transfer, a Stripe Connect transfer, or a bank/PromptPay transfer staff make by hand).
 */
import type { Tx } from "~/db/client.server";
import type { PaymentProvider, PayoutMethod } from "~/generated/prisma/enums";

export type { PaymentProvider, PayoutMethod };

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
  /** A page of ours (e.g. a QR per group to scan, a slip to upload, a card form). */
  | { kind: "page"; path: string }
  /** A provider's page (hosted checkout, 3-D Secure, a bank app). */
  | { kind: "redirect"; url: string };

/** What a group needs for a provider to be offered for its part of an order. */
export interface PayeeGroup {
  id: string;
  promptPayId: string | null;
  payoutVerifiedAt: Date | null;
}

/** Who holds the money once a payment succeeds: the platform (at its provider) or the group itself. */
export type CollectedBy = "platform" | "group";

/** What a provider answered when asked to send money back. */
export interface ProviderRefund {
  status: "SUCCEEDED" | "PENDING" | "FAILED";
  providerRef: string | null;
  failureReason?: string;
}

export interface PaymentPort {
  readonly provider: PaymentProvider;
  /**
   * Whether the buyer must pay before the groups hand the goods over. Orders paid this way
   * expire, releasing stock and capacity, if the money does not arrive in time.
   */
  readonly paysUpFront: boolean;
  readonly collectedBy: CollectedBy;
  /** Whether this way of paying can be offered for a basket from these groups. */
  offeredFor(groups: readonly PayeeGroup[]): boolean;
  /** Writes the payment rows for a placed order, in the order's transaction. */
  start(tx: Tx, order: PayableOrder, options: { expiresAt: Date | null }): Promise<void>;
  /** Where the buyer goes once the order is committed (providers may call out here, never inside the transaction). */
  nextStep(order: PayableOrder): Promise<NextStep>;
  /**
   * Sends money back through the provider that took it. Absent for money the group holds
   * itself: the group sends it back by hand and records who did.
   */
  refund?(input: { payment: { id: string; providerRef: string | null }; refund: { id: string; amountSatang: number; idempotencyKey: string } }): Promise<ProviderRefund>;
}

/** A group as a payout rail needs it. */
export interface PayoutGroup {
  id: string;
  nameTh: string;
  promptPayId: string | null;
  payoutBankCode: string | null;
  payoutAccountNo: string | null;
  payoutAccountName: string | null;
  payoutVerifiedAt: Date | null;
  omiseRecipientId: string | null;
  stripeAccountId: string | null;
}

export interface SentPayout {
  /** The provider's transfer id (empty for a transfer staff will make by hand). */
  reference: string;
  /** What the transfer itself cost, paid by the platform. */
  feeSatang: number;
  /** The money reached the group (true), or is on its way / waits for staff (false). */
  paid: boolean;
}

/** How money the platform collected reaches a group. */
export interface PayoutRail {
  readonly method: PayoutMethod;
  /** Whether money moves when `send` returns (a provider's transfer) or when staff say they made it (by hand). */
  readonly automatic: boolean;
  /** Money this rail cannot send in one transfer below this amount (it stays held until more is released). */
  readonly minimumSatang: number;
  /** Why this group cannot be paid this way now (a reason code), or null when it can. May call the provider. */
  notReady(group: PayoutGroup): Promise<string | null>;
  send(payout: { id: string; idempotencyKey: string; amountSatang: number; transferGroup: string | null; sourceCharge: string | null }, group: PayoutGroup): Promise<SentPayout>;
  /** Takes back a transfer that must not stand (the step after it failed). */
  undo?(reference: string, payout: { idempotencyKey: string }): Promise<void>;
  /** Asks the provider where a transfer still on its way stands. */
  check?(reference: string): Promise<{ paid: boolean; failure: string | null }>;
}

export class PaymentNotOfferedError extends Error {
  readonly name = "PaymentNotOfferedError";
  constructor(readonly provider: string) {
    super(`Payment by ${provider} is not offered for this order`);
  }
}

/**
 * Where a group is paid: its PromptPay id and bank account. Money must never go to details staff
 * have not checked, so a verified group's change clears payoutVerifiedAt and opens a
 * PAYOUT_DETAILS verification request; payouts wait until staff approve it. While the group is
 * still applying, the details are simply part of its application.
 */
import { inTransaction, type Client } from "~/db/transaction.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { NotInGroupError } from "./errors";
import { bankAccountNumber, bankOf, promptPayId } from "./rules";

export class InvalidPayoutDetailsError extends Error {
  readonly name = "InvalidPayoutDetailsError";
  constructor(readonly field: "promptPayId" | "bankCode" | "accountNo" | "accountName") {
    super(`Payout details: bad ${field}`);
  }
}

/** The group cannot change this now (its application waits for staff, or it is suspended). */
export class GroupLockedError extends Error {
  readonly name = "GroupLockedError";
  constructor(readonly status: string) {
    super(`The group cannot be changed while ${status}`);
  }
}

export interface PayoutInput {
  promptPayId: string | null;
  bankCode?: string | null;
  accountNo?: string | null;
  accountName?: string | null;
}

/** Normalised payout details, or InvalidPayoutDetailsError: the same rules as the forms, enforced here too. */
export function normalisePayout(input: PayoutInput) {
  const promptPay = input.promptPayId ? promptPayId(input.promptPayId)?.id ?? null : null;
  if (input.promptPayId && !promptPay) throw new InvalidPayoutDetailsError("promptPayId");
  let bank: { payoutBankCode: string; payoutAccountNo: string; payoutAccountName: string } | null = null;
  if (input.bankCode || input.accountNo || input.accountName) {
    const known = input.bankCode ? bankOf(input.bankCode) : undefined;
    if (!known) throw new InvalidPayoutDetailsError("bankCode");
    const number = bankAccountNumber(known.code, input.accountNo ?? "");
    if (!number) throw new InvalidPayoutDetailsError("accountNo");
    const name = input.accountName?.trim();
    if (!name) throw new InvalidPayoutDetailsError("accountName");
    bank = { payoutBankCode: known.code, payoutAccountNo: number, payoutAccountName: name.slice(0, 120) };
  }
  if (!promptPay && !bank) throw new InvalidPayoutDetailsError("promptPayId");
  return {
    promptPayId: promptPay,
    payoutBankCode: bank?.payoutBankCode ?? null,
    payoutAccountNo: bank?.payoutAccountNo ?? null,
    payoutAccountName: bank?.payoutAccountName ?? null,
  };
}

/**
 * Sets a group's payout details. For a verified group a real change needs staff again: the
 * verification is cleared and a PAYOUT_DETAILS request opened (one at a time; an open one is
 * reused). Returns whether staff must now check them.
 */
export async function setPayoutDetails(input: { groupId: string; actorId: string; details: PayoutInput }, client?: Client) {
  const next = normalisePayout(input.details);
  return inTransaction(client, async (tx) => {
    const [group] = await tx.$queryRaw<
      { verificationStatus: string; promptPayId: string | null; payoutBankCode: string | null; payoutAccountNo: string | null; payoutAccountName: string | null }[]
    >`SELECT "verificationStatus", "promptPayId", "payoutBankCode", "payoutAccountNo", "payoutAccountName"
      FROM "OccupationGroup" WHERE id = ${input.groupId} FOR UPDATE`;
    if (!group) throw new NotInGroupError("group");
    if (group.verificationStatus === "PENDING" || group.verificationStatus === "SUSPENDED") throw new GroupLockedError(group.verificationStatus);
    const before = { promptPayId: group.promptPayId, payoutBankCode: group.payoutBankCode, payoutAccountNo: group.payoutAccountNo, payoutAccountName: group.payoutAccountName };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== before[key]);
    if (!changed) return { changed: false, needsVerification: false };
    const verified = group.verificationStatus === "VERIFIED";
    await tx.occupationGroup.update({ where: { id: input.groupId }, data: { ...next, ...(verified ? { payoutVerifiedAt: null } : {}) } });
    if (verified) {
      const open = await tx.verificationRequest.findFirst({ where: { groupId: input.groupId, kind: "PAYOUT_DETAILS", status: "OPEN" }, select: { id: true } });
      if (!open) await tx.verificationRequest.create({ data: { groupId: input.groupId, kind: "PAYOUT_DETAILS" } });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "group.payout.set",
      subjectType: "OccupationGroup",
      subjectId: input.groupId,
      before,
      after: next,
    });
    return { changed: true, needsVerification: verified };
  });
}

/**
 * Money to groups: totals routed to groups by group and by province (from the ledger), payouts
 * waiting for staff to transfer by hand (record the reference), failed payouts to retry, and a
 * button to pay out what is due now. Every action is audited.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { AnswerMessage, consoleMeta, type ConsoleAnswer } from "~/components/console";
import { CsrfInput } from "~/components/forms";
import { formatDate, formatMoney } from "~/i18n/format";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { PayoutStateError, recordPayoutSentByHand, retryPayout } from "~/modules/payments/payouts.server";
import { moneyToGroups, runPayoutsByStaff } from "~/modules/payments/staff-money.server";
import { notice, refusal, staffIntent } from "~/web/console.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";

const payoutId = z.string({ message: "errors.required" }).min(1).max(40);

export const payoutIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mark-sent"), payoutId, reference: z.string({ message: "payouts.errors.reference" }).trim().min(3, "payouts.errors.reference").max(100, "payouts.errors.reference") }),
  z.object({ intent: z.literal("retry"), payoutId }),
  z.object({ intent: z.literal("run") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return moneyToGroups();
}

export const meta = consoleMeta("payouts");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, formId, parsed } = await staffIntent(request, params, payoutIntents);
  if (!parsed.ok) return parsed.answer;
  const value = parsed.value;
  try {
    if (value.intent === "mark-sent") {
      await recordPayoutSentByHand({ payoutId: value.payoutId, reference: value.reference, actorId: user.id });
      return notice(formId, "payouts.done.sent");
    }
    if (value.intent === "retry") {
      await retryPayout({ payoutId: value.payoutId, actorId: user.id });
      return notice(formId, "payouts.done.retried");
    }
    await runPayoutsByStaff(user.id);
    return notice(formId, "payouts.done.ran");
  } catch (error) {
    if (error instanceof PayoutStateError) return refusal(formId, "payouts.errors.state", 409);
    throw error;
  }
}

export default function StaffPayouts() {
  const money = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ConsoleAnswer | undefined;
  const { t, lang } = useT();
  const payTo = (group: { promptPayId: string | null; payoutBankCode: string | null; payoutAccountNo: string | null }) =>
    group.promptPayId ? `PromptPay ${group.promptPayId}` : `${group.payoutBankCode ?? ""} ${group.payoutAccountNo ?? ""}`;
  return (
    <div className="stack">
      <h2>{t("payouts.title")}</h2>
      <p className="hint">{t("payouts.intro")}</p>
      <AnswerMessage answer={answer} />
      <Form method="post" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="formId" value="run" />
        <button type="submit" name="intent" value="run" className="button small">
          {t("payouts.run")}
        </button>
      </Form>

      <h3>{t("payouts.waiting")}</h3>
      {money.waiting.length === 0 ? (
        <p className="hint">{t("payouts.none")}</p>
      ) : (
        <ul className="plain-list">
          {money.waiting.map((payout) => (
            <li key={payout.id} className="console-card">
              <p>
                <strong>{pick(lang, payout.group.nameTh, payout.group.nameEn)}</strong> · {formatMoney(payout.amountSatang, lang)} · {payTo(payout.group)} · {formatDate(new Date(payout.createdAt), lang)}
              </p>
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="formId" value={`sent-${payout.id}`} />
                <input type="hidden" name="payoutId" value={payout.id} />
                <label htmlFor={`ref-${payout.id}`}>{t("payouts.reference")}</label>
                <input id={`ref-${payout.id}`} name="reference" required maxLength={100} />
                <button type="submit" name="intent" value="mark-sent" className="button small">
                  {t("payouts.markSent")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h3>{t("payouts.failed")}</h3>
      {money.failed.length === 0 ? (
        <p className="hint">{t("payouts.none")}</p>
      ) : (
        <ul className="plain-list">
          {money.failed.map((payout) => (
            <li key={payout.id} className="console-card">
              <p>
                <strong>{pick(lang, payout.group.nameTh, payout.group.nameEn)}</strong> · {formatMoney(payout.amountSatang, lang)} · {payout.attempts}×
              </p>
              <pre className="last-error">{payout.failureReason ?? "—"}</pre>
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="formId" value={`retry-${payout.id}`} />
                <input type="hidden" name="payoutId" value={payout.id} />
                <button type="submit" name="intent" value="retry" className="button small" aria-label={`${t("payouts.retry")}: ${pick(lang, payout.group.nameTh, payout.group.nameEn)}`}>
                  {t("payouts.retry")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <MoneyTable title={t("payouts.byProvince")} heading={t("payouts.province")} rows={money.byProvince.map((row) => ({ ...row, key: row.provinceTh, name: pick(lang, row.provinceTh, row.provinceEn) }))} />
      <MoneyTable
        title={t("payouts.byGroup")}
        heading={t("payouts.group")}
        rows={money.byGroup.map((row) => ({
          ...row,
          key: row.groupId,
          name: (
            <>
              {pick(lang, row.nameTh, row.nameEn)} <span className="hint">{pick(lang, row.provinceTh, row.provinceEn)}</span>
            </>
          ),
        }))}
      />
    </div>
  );
}

type MoneyRow = { key: string; name: ReactNode; shareSatang: number; directSatang: number; paidOutSatang: number; owedSatang: number };

/** Money routed to groups, one row per province or per group, in a table that scrolls on a phone. */
function MoneyTable({ title, heading, rows }: { title: string; heading: string; rows: MoneyRow[] }) {
  const { t, lang } = useT();
  return (
    <>
      <h3>{title}</h3>
      <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              <th scope="col">{t("payouts.share")}</th>
              <th scope="col">{t("payouts.direct")}</th>
              <th scope="col">{t("payouts.paidOut")}</th>
              <th scope="col">{t("payouts.owed")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>{formatMoney(row.shareSatang, lang)}</td>
                <td>{formatMoney(row.directSatang, lang)}</td>
                <td>{formatMoney(row.paidOutSatang, lang)}</td>
                <td>{formatMoney(row.owedSatang, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Parts of the product page: where the money goes, and share links. */
import { useRouteLoaderData } from "@remix-run/react";
import { formatMoney } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";
import { paymentFees, type PriceBreakdown } from "~/modules/payouts/price-breakdown";
import type { RootData } from "~/root";

export function PriceBreakdownTable({ breakdown, groupName }: { breakdown: PriceBreakdown; groupName: string }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="breakdown" className="breakdown">
      <h2 id="breakdown" className="small-heading">
        {t("store.breakdown")}
      </h2>
      <table className="table" data-testid="price-breakdown">
        <tbody>
          <tr>
            <th scope="row">{t("store.breakdownGroup", { group: groupName })}</th>
            <td>{formatMoney(breakdown.groupSatang, lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t("store.breakdownPlatform", { percent: breakdown.platformFeePercent })}</th>
            <td>{formatMoney(breakdown.platformFeeSatang, lang)}</td>
          </tr>
        </tbody>
      </table>
      {breakdown.platformFeeSatang === 0 ? <p className="hint">{t("store.breakdownNote")}</p> : null}
      <h3 className="small-heading">{t("store.paymentFees")}</h3>
      <ul className="fees">
        {paymentFees.map((fee) => (
          <li key={fee.method}>
            {fee.method === "promptpay" ? t("store.feePromptPay") : t("store.feeCard")}:{" "}
            {fee.feeSatang === null ? t("store.feeAtCheckout") : fee.feeSatang === 0 ? t("store.feeNone") : formatMoney(fee.feeSatang, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Plain links to LINE's and Facebook's share pages: no third-party script is loaded. */
export function ShareLinks({ path, text }: { path: string; text: string }) {
  const { t, lang } = useT();
  const origin = useRouteLoaderData<RootData>("root")?.origin ?? "";
  const url = `${origin}${href(lang, path)}`;
  return (
    <section aria-labelledby="share" className="share">
      <h2 id="share" className="small-heading">
        {t("store.share")}
      </h2>
      <ul className="share-links">
        <li>
          <a className="button secondary" href={`https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`} target="_blank" rel="noopener noreferrer">
            {t("store.shareLine")}
          </a>
        </li>
        <li>
          <a className="button secondary" href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`} target="_blank" rel="noopener noreferrer">
            {t("store.shareFacebook")}
          </a>
        </li>
      </ul>
    </section>
  );
}

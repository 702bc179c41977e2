/**
 * What staff moderation means for a group, said in its own workspace: its suspension and its
 * hidden listings, each with staff's reason, so the group knows what to fix. Shows nothing when
 * nothing is moderated.
 */
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";

export type ModerationNoticeData = {
  suspended: boolean;
  suspendedReason: string | null;
  hiddenProducts: { id: string; titleTh: string; titleEn: string; hiddenReason: string | null }[];
};

export function ModerationNotice({ notice }: { notice: ModerationNoticeData }) {
  const { t, lang } = useT();
  if (!notice.suspended && notice.hiddenProducts.length === 0) return null;
  return (
    <section className="moderation-notice" aria-labelledby="moderation-notice-title">
      <h2 id="moderation-notice-title">{t("moderationNotice.title")}</h2>
      {notice.suspended ? (
        <p>
          <strong>{t("moderationNotice.suspended")}</strong> {t("moderationNotice.reason")}: {notice.suspendedReason}
        </p>
      ) : null}
      {notice.hiddenProducts.length > 0 ? (
        <>
          <p>{t("moderationNotice.hidden", { count: notice.hiddenProducts.length })}</p>
          <ul>
            {notice.hiddenProducts.map((product) => (
              <li key={product.id}>
                <strong>{pick(lang, product.titleTh, product.titleEn)}</strong>: {product.hiddenReason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="hint">{t("moderationNotice.help")}</p>
    </section>
  );
}

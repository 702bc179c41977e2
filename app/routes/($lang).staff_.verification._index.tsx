/** Staff's verification queue: applications and payout-detail changes waiting for a decision, oldest first. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { verificationQueue } from "~/modules/groups/verification.server";
import { requireStaff } from "~/web/guards.server";
import { requireLang } from "~/web/lang.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  await requireStaff(request);
  return { queue: await verificationQueue() };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("verification.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function VerificationQueue() {
  const { queue } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <section className="page stack" aria-labelledby="queue-title">
      <h1 id="queue-title">{t("verification.title")}</h1>
      <p>
        <Link to={href(lang, "/staff")}>{t("verification.backToStaff")}</Link>
      </p>
      {queue.length === 0 ? (
        <p className="empty-state">{t("verification.empty")}</p>
      ) : (
        <ul className="plain-list">
          {queue.map((request) => (
            <li key={request.id} className="form-card">
              <Link to={href(lang, `/staff/verification/${request.id}`)} className="maker-name">
                {pick(lang, request.group.nameTh, request.group.nameEn)}
              </Link>
              <p>
                {t(`verification.kinds.${request.kind}`)} · {pick(lang, request.group.province.nameTh, request.group.province.nameEn)} ·{" "}
                {formatDate(new Date(request.createdAt), lang)}
              </p>
              {request.answer ? <p className="hint">{t("verification.hasAnswer")}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

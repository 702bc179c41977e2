/** The workspace overview: how many products are for sale, and which are running out. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { href } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import { groupProductSummary } from "~/modules/catalog/group-products.server";
import { requireWorkspace } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  return { slug: group.slug, summary: await groupProductSummary(group.id) };
}

export default function WorkspaceOverview() {
  const { slug, summary } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="stack">
      <h2>{t("workspace.nav.overview")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("workspace.overview.active")}</dt>
          <dd>{summary.active}</dd>
        </div>
        <div>
          <dt>{t("workspace.overview.draft")}</dt>
          <dd>{summary.draft}</dd>
        </div>
        <div>
          <dt>{t("workspace.overview.archived")}</dt>
          <dd>{summary.archived}</dd>
        </div>
      </dl>
      <section aria-labelledby="low-stock">
        <h3 id="low-stock">{t("workspace.overview.lowStock")}</h3>
        {summary.lowStock.length === 0 ? (
          <p>{t("workspace.overview.noLowStock")}</p>
        ) : (
          <ul>
            {summary.lowStock.map((product) => (
              <li key={product.id}>
                {pick(lang, product.titleTh, product.titleEn)}: {t("workspace.overview.left", { count: product.stock })}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={href(lang, `/groups/${slug}/manage/products`)}>{t("workspace.overview.toProducts")}</Link>
        </p>
      </section>
    </div>
  );
}

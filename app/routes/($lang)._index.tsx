import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GroupCard, ProductCard } from "~/components/cards";
import { translator } from "~/i18n/i18n";
import { langOfPath } from "~/i18n/use-lang";
import { useT } from "~/i18n/use-lang";
import { newProducts } from "~/modules/catalog/catalog.server";
import { verifiedGroups } from "~/modules/groups/groups.server";
import { requireLang } from "~/web/lang.server";

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const [products, groups] = await Promise.all([newProducts({ limit: 24 }), verifiedGroups({ limit: 60 })]);
  return { products, groups };
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: t("home.title") }, { name: "description", content: t("site.description") }];
};

export default function Home() {
  const { products, groups } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page">
      <section className="hero">
        <h1>{t("home.heroTitle")}</h1>
        <p>{t("home.heroText")}</p>
      </section>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{t("home.products")}</h2>
        {products.length === 0 ? (
          <p className="empty">{t("home.empty")}</p>
        ) : (
          <ul className="grid">
            {products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("home.groups")}</h2>
        {groups.length === 0 ? (
          <p className="empty">{t("home.groupsEmpty")}</p>
        ) : (
          <ul className="grid" data-testid="group-list">
            {groups.map((group) => (
              <GroupCard key={group.slug} group={group} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

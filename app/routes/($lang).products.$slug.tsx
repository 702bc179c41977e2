import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductCard, productArt } from "~/components/cards";
import { Picture } from "~/components/picture";
import { formatMoney } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { productPage } from "~/modules/catalog/catalog.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const slug = slugParam(params.slug);
  const page = slug ? await productPage(slug) : null;
  if (!page) throw notFound("No such product");
  return page;
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  if (!data) return [{ title: `${t("product.notFoundTitle")} · ${t("site.name")}` }];
  const { product } = data;
  return [
    { title: `${pick(lang, product.titleTh, product.titleEn)} · ${pick(lang, product.group.nameTh, product.group.nameEn)} · ${t("site.name")}` },
    { name: "description", content: pick(lang, product.storyTh, product.storyEn).slice(0, 160) },
  ];
};

export default function ProductPage() {
  const { product, moreFromGroup } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const title = pick(lang, product.titleTh, product.titleEn);
  const unit = pick(lang, product.unitTh, product.unitEn);
  return (
    <article className="page product-page">
      <div className="product-layout">
        {product.images[0] ? (
          <Picture className="product-image" image={product.images[0].image} alt={pick(lang, product.images[0].altTh, product.images[0].altEn)} sizes="(min-width: 48rem) 400px, 100vw" priority />
        ) : (
          <img className="product-image" src={productArt(product.slug, product.category.slug)} alt={t("product.imageAlt", { title })} width={400} height={400} />
        )}
        <div className="product-summary">
          <h1>{title}</h1>
          <p className="byline">
            {t("product.by", { group: pick(lang, product.group.nameTh, product.group.nameEn) })}
          </p>
          <p className="price">
            <span className="visually-hidden">{t("product.price")} </span>
            {formatMoney(product.priceSatang, lang)} <span className="unit">{t("product.perUnit", { unit })}</span>
          </p>
          <p className="availability">
            {product.stock > 0
              ? t("product.inStock", { count: product.stock, unit })
              : product.madeToOrder
                ? null
                : t("product.outOfStock")}
            {product.stock > 0 && product.madeToOrder ? <br /> : null}
            {product.madeToOrder ? `${t("product.madeToOrder")} · ${t("product.leadTime", { days: product.leadTimeDays ?? 0 })}` : null}
          </p>
          {product.certifications.length > 0 ? (
            <section aria-labelledby="certs">
              <h2 id="certs" className="small-heading">{t("product.certifications")}</h2>
              <ul className="badges">
                {product.certifications.map(({ certification }) => (
                  <li key={certification.slug} className="badge" title={pick(lang, certification.meaningTh ?? "", certification.meaningEn) || undefined}>
                    {pick(lang, certification.nameTh, certification.nameEn)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="story">
        <h2 id="story">{t("product.story")}</h2>
        <p className="story">{pick(lang, product.storyTh, product.storyEn)}</p>
      </section>
      <section aria-labelledby="maker" className="maker">
        <h2 id="maker">{t("product.madeBy")}</h2>
        <p>
          <Link to={href(lang, `/groups/${product.group.slug}`)}>{pick(lang, product.group.nameTh, product.group.nameEn)}</Link>
          <br />
          {pick(lang, product.group.villageTh, product.group.villageEn)} · {pick(lang, product.group.province.nameTh, product.group.province.nameEn)} ·{" "}
          {t("group.members", { count: product.group.memberCount })}
        </p>
      </section>
      {moreFromGroup.length > 0 ? (
        <section aria-labelledby="more">
          <h2 id="more">{t("product.moreFromGroup")}</h2>
          <ul className="grid">
            {moreFromGroup.map((other) => (
              <ProductCard key={other.slug} product={other} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/**
 * A product as buyers will see it, whatever its status: the storefront's own product page
 * component with the product's current data, under a banner that says it is a preview. Only the
 * group's members reach it; it is never indexed nor kept by any cache.
 */
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductView } from "~/components/product-view";
import { config } from "~/config.server";
import { href, translator } from "~/i18n/i18n";
import { langOfPath, useT } from "~/i18n/use-lang";
import { productPreview } from "~/modules/catalog/catalog.server";
import { priceBreakdown } from "~/modules/payouts/price-breakdown";
import { productCards } from "~/web/cards.server";
import { requireWorkspace } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  const productId = params.productId && /^[a-z0-9]{1,40}$/.test(params.productId) ? params.productId : null;
  const page = productId ? await productPreview(group.id, productId) : null;
  if (!page) throw notFound("No such product in this group");
  return { ...page, moreFromGroup: productCards(requireLang(params), page.moreFromGroup), breakdown: priceBreakdown({ priceSatang: page.product.priceSatang, platformFeePercent: config().PLATFORM_FEE_PERCENT }) };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("preview.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex, nofollow" }];
};

export default function ProductPreview() {
  const page = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <>
      <div className="preview-banner" role="note">
        <strong>{t("preview.banner")}</strong>{" "}
        <Link to={href(lang, `/groups/${page.product.group.slug}/manage/products/${page.product.id}`)}>{t("preview.back")}</Link>
      </div>
      <ProductView {...page} preview />
    </>
  );
}

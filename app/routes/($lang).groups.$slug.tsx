import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProductCard } from "~/components/cards";
import { Picture } from "~/components/picture";
import { formatYear } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { groupPage } from "~/modules/groups/groups.server";
import { notFound } from "~/web/http.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const slug = slugParam(params.slug);
  const group = slug ? await groupPage(slug) : null;
  if (!group) throw notFound("No such group");
  return { group };
}

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  if (!data) return [{ title: `${t("group.notFoundTitle")} · ${t("site.name")}` }];
  const { group } = data;
  return [
    { title: `${pick(lang, group.nameTh, group.nameEn)} · ${t("site.name")}` },
    { name: "description", content: pick(lang, group.storyTh, group.storyEn).slice(0, 160) },
  ];
};

export default function GroupPage() {
  const { group } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const province = pick(lang, group.province.nameTh, group.province.nameEn);
  return (
    <article className="page group-page">
      <header className="group-header">
        {group.coverImage ? (
          <Picture className="group-image" image={group.coverImage} alt="" sizes="(min-width: 48rem) 400px, 100vw" priority />
        ) : (
          <img className="group-image" src={`/art/group/${group.slug}.svg`} alt="" width={400} height={400} />
        )}
        <div>
          <h1>{pick(lang, group.nameTh, group.nameEn)}</h1>
          <p className="byline">
            {t("group.locationValue", {
              village: pick(lang, group.villageTh, group.villageEn),
              tambon: pick(lang, group.tambonTh, group.tambonEn),
              amphoe: pick(lang, group.amphoeTh, group.amphoeEn),
              province,
            })}
          </p>
          <ul className="facts">
            <li>{t("group.founded", { year: formatYear(group.foundedYear, lang) })}</li>
            <li>{t("group.members", { count: group.memberCount })}</li>
            {group.otopStars ? <li>{t("group.otopStars", { count: group.otopStars })}</li> : null}
          </ul>
          {group.certifications.length > 0 ? (
            <ul className="badges">
              {group.certifications.map(({ certification }) => (
                <li key={certification.slug} className="badge">
                  {pick(lang, certification.nameTh, certification.nameEn)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="story">
        <h2 id="story">{t("group.story")}</h2>
        <p className="story">{pick(lang, group.storyTh, group.storyEn)}</p>
      </section>
      <section aria-labelledby="people" className="people">
        <h2 id="people">{t("group.committee")}</h2>
        <dl>
          <dt>{t("group.sage")}</dt>
          <dd>{group.communitySage}</dd>
          {group.committee.map((member) => (
            <div key={`${member.role}-${member.name}`}>
              <dt>{t(`group.roles.${member.role}`)}</dt>
              <dd>{member.name}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="products">
        <h2 id="products">{t("group.products")}</h2>
        {group.products.length === 0 ? (
          <p className="empty">{t("group.noProducts")}</p>
        ) : (
          <ul className="grid">
            {group.products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

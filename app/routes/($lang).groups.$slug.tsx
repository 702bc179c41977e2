/**
 * An occupation group's page: its story, where it is, when it was founded, its
 * members, committee and community sage, certifications and OTOP stars, and
 * every product it sells, and how many follow it. A signed-in buyer follows or
 * unfollows it here with one button (a plain form, posted to the follow route);
 * a signed-out visitor's "follow" is a link through sign-in to that route, so
 * the page cached for every signed-out visitor carries no one's token.
 */
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { CertificationList } from "~/components/certification-list";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ProductCard } from "~/components/cards";
import { ServerMarkupList } from "~/components/server-markup";
import { LocalizedSentence, LocalizedStory, LocalizedText } from "~/components/localized-text";
import { Picture } from "~/components/picture";
import { formatYear } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { followState } from "~/modules/follows/follows.server";
import { groupPage } from "~/modules/groups/groups.server";
import { pageHeaders } from "~/web/cache";
import { notFound } from "~/web/http.server";
import { productCards } from "~/web/cards.server";
import { requireLang } from "~/web/lang.server";
import { slugParam } from "~/web/params";
import { getUser } from "~/web/session.server";
import { absolute, breadcrumbJsonLd, groupJsonLd, originOf, seoMeta } from "~/web/seo";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const slug = slugParam(params.slug);
  const [found, user] = await Promise.all([slug ? groupPage(slug) : null, getUser(request)]);
  if (!found) throw notFound("No such group");
  const group = { ...found, products: productCards(lang, found.products) };
  const follow = await followState(group.id, user?.id ?? null);
  // A signed-in buyer's copy says whether they follow: asked again at every visit, so the page
  // they come back to after following (same URL, same cookies) is never the browser's old copy.
  const headers: HeadersInit = user ? { "Cache-Control": "private, no-cache" } : {};
  return data({ group, follow: { ...follow, signedIn: Boolean(user) } }, { headers });
}

export const headers: HeadersFunction = (args) => {
  const headers = new Headers(pageHeaders(args));
  const own = args.loaderHeaders.get("Cache-Control");
  if (own && !args.errorHeaders) headers.set("Cache-Control", own);
  return headers;
};

export const meta: MetaFunction<typeof loader> = ({ data, location, matches }) => {
  const lang = langOfPath(location.pathname);
  const t = translator(lang);
  if (!data) return [{ title: `${t("group.notFoundTitle")} · ${t("site.name")}` }];
  const { group } = data;
  const origin = originOf(matches);
  const name = pick(lang, group.nameTh, group.nameEn);
  const province = pick(lang, group.province.nameTh, group.province.nameEn);
  const path = `/groups/${group.slug}`;
  const image = `/og/group/${group.slug}${lang === "en" ? ".en" : ""}.png`;
  return seoMeta({
    lang,
    origin,
    path,
    type: "profile",
    title: `${name} · ${province} · ${t("site.name")}`,
    description: pick(lang, group.storyTh, group.storyEn),
    image: { path: image, alt: name },
    jsonLd: [
      groupJsonLd({
        url: absolute(origin, lang, path),
        image: `${origin}${image}`,
        name,
        alternateName: lang === "th" ? group.nameEn : group.nameTh,
        description: pick(lang, group.storyTh, group.storyEn),
        foundedYear: group.foundedYear,
        memberCount: group.memberCount,
        village: pick(lang, group.villageTh, group.villageEn),
        province,
      }),
      breadcrumbJsonLd([
        { name: t("nav.home"), url: absolute(origin, lang, "/") },
        { name: province, url: absolute(origin, lang, `/provinces/${group.province.slug}`) },
        { name, url: absolute(origin, lang, path) },
      ]),
    ],
  });
};

export default function GroupPage() {
  const { group, follow } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const name = pick(lang, group.nameTh, group.nameEn);
  const province = pick(lang, group.province.nameTh, group.province.nameEn);
  return (
    <article className="page group-page">
      <Breadcrumbs
        items={[
          { label: t("nav.home"), to: href(lang, "/") },
          { label: province, to: href(lang, `/provinces/${group.province.slug}`) },
          { label: name },
        ]}
      />
      <header className="group-header">
        {group.coverImage ? (
          <Picture className="group-image" image={group.coverImage} alt="" sizes="(min-width: 48rem) 400px, 100vw" priority />
        ) : (
          <img className="group-image" src={`/art/group/${group.slug}.svg`} alt="" width={400} height={400} />
        )}
        <div>
          <h1>
            <LocalizedText th={group.nameTh} en={group.nameEn} note />
          </h1>
          <p className="byline">
            <LocalizedSentence
              k="group.locationValue"
              names={{
                village: { th: group.villageTh, en: group.villageEn },
                tambon: { th: group.tambonTh, en: group.tambonEn },
                amphoe: { th: group.amphoeTh, en: group.amphoeEn },
                province: { th: group.province.nameTh, en: group.province.nameEn },
              }}
            />
          </p>
          <ul className="facts">
            <li>{t("group.founded", { year: formatYear(group.foundedYear, lang) })}</li>
            <li>{t("group.members", { count: group.memberCount })}</li>
            {group.otopStars ? (
              <li>
                <span aria-hidden="true" className="stars">
                  {"★".repeat(group.otopStars)}
                </span>{" "}
                {t("group.otopStars", { count: group.otopStars })}
              </li>
            ) : null}
            <li>
              <Link to={href(lang, `/provinces/${group.province.slug}`)}>{t("store.moreFromProvince", { province })}</Link>
            </li>
          </ul>
          <div className="follow" data-testid="follow-slot">
            <p className="hint" data-testid="followers">
              {t("follow.followers", { count: follow.followers })}
            </p>
            {follow.signedIn ? (
              <Form method="post" action={href(lang, `/groups/${group.slug}/follow`)}>
                <CsrfInput />
                <input type="hidden" name="intent" value={follow.following ? "unfollow" : "follow"} />
                <button type="submit" className="button secondary" aria-describedby="follow-hint">
                  {t(follow.following ? "follow.unfollow" : "follow.follow")}
                </button>
              </Form>
            ) : (
              <Link className="button secondary" to={href(lang, `/groups/${group.slug}/follow`)} aria-describedby="follow-hint">
                {t("follow.follow")}
              </Link>
            )}
            <p id="follow-hint" className="hint">
              {t(follow.following ? "follow.following" : "follow.hint")}
            </p>
          </div>
        </div>
      </header>
      <section aria-labelledby="story">
        <h2 id="story">{t("group.story")}</h2>
        <LocalizedStory className="story" th={group.storyTh} en={group.storyEn} />
      </section>
      {group.certifications.length > 0 ? (
        <section aria-labelledby="group-certs">
          <h2 id="group-certs">{t("store.groupCertifications")}</h2>
          <CertificationList certifications={group.certifications} />
        </section>
      ) : null}
      <section aria-labelledby="people" className="people">
        <h2 id="people">{t("group.committee")}</h2>
        <dl>
          <dt>{t("group.sage")}</dt>
          <dd>
            <LocalizedText th={group.communitySage} en={group.communitySageEn} />
          </dd>
          {group.committee.map((member) => (
            <div key={`${member.role}-${member.name}`}>
              <dt>{t(`group.roles.${member.role}`)}</dt>
              <dd>
                <LocalizedText th={member.name} en={member.nameEn} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="products">
        <h2 id="products">{t("group.products")}</h2>
        {group.products.length === 0 ? (
          <p className="empty">{t("group.noProducts")}</p>
        ) : (
          <ServerMarkupList className="grid" data-testid="group-products" data={group.products}>
            {group.products.map((product) => (
              <ProductCard key={product.slug} product={product} />
            ))}
          </ServerMarkupList>
        )}
      </section>
    </article>
  );
}

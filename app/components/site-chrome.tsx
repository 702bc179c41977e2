/** Header and footer around every page. */
import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { href, switchLangPath } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";
import type { RootData } from "~/root";
import { Disclosure } from "./disclosure";
import { CsrfInput } from "./forms";
import { SearchBox } from "./search-box";

type HeaderUser = { name: string; role: string; groups: { slug: string; nameTh: string; nameEn: string }[] };

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t, lang } = useT();
  const location = useLocation();
  const other = lang === "th" ? "en" : "th";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("site.skipToContent")}
      </a>
      <div className="header-inner">
        <Link to={href(lang, "/")} className="brand" aria-label={t("nav.home")}>
          <span className="brand-mark" aria-hidden="true" lang="th">
            ส
          </span>
          <span className="brand-name">{t("site.name")}</span>
        </Link>
        <SearchBox />
        <nav aria-label={t("site.mainNav")} className="header-nav">
          <Link
            to={switchLangPath(location.pathname, other) + location.search}
            hrefLang={other}
            lang={other}
            aria-label={t("site.switchLanguageLabel")}
            className="lang-switch"
          >
            {t("site.switchLanguage")}
          </Link>
          <Link to={href(lang, "/cart")}>{t("cart.link")}</Link>
          {user ? (
            // On a phone the account's links fold under the buyer's name (a disclosure), so the header stays two rows.
            <Disclosure summary={<span className="account-name">{user.name}</span>} className="account-menu">
              <div className="account-links">
                <Link to={href(lang, "/orders")}>{t("orders.mine")}</Link>
                <Link to={href(lang, "/account")}>{t("account.nav")}</Link>
                <span className="signed-in">{t("nav.signedInAs", { name: user.name })}</span>
                {user.groups.map((group) => (
                  <Link key={group.slug} to={href(lang, `/groups/${group.slug}/manage`)}>
                    {t("nav.workspace", { group: pick(lang, group.nameTh, group.nameEn) })}
                  </Link>
                ))}
                {user.role === "STAFF" ? <Link to={href(lang, "/staff")}>{t("nav.staff")}</Link> : null}
                <SignOutButton />
              </div>
            </Disclosure>
          ) : (
            <>
              <Link to={href(lang, "/signin")}>{t("nav.signIn")}</Link>
              <Link to={href(lang, "/signup")} className="button small">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

function SignOutButton() {
  const { t, lang } = useT();
  return (
    <Form method="post" action={href(lang, "/signout")} className="inline-form">
      <CsrfInput />
      <button type="submit" className="link-button">
        {t("nav.signOut")}
      </button>
    </Form>
  );
}

export function SiteFooter() {
  const { t, lang } = useT();
  const root = useRouteLoaderData<RootData>("root");
  return (
    <footer className="site-footer" data-signed-in={root?.user ? "yes" : "no"}>
      <p>{t("site.footer")}</p>
      <p>
        <Link to={href(lang, "/groups/apply")}>{t("apply.footerLink")}</Link>
      </p>
    </footer>
  );
}

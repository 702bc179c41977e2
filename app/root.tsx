/**
 * The document: language, hreflang alternates, header and footer, and the
 * error page every route falls back to. The root loader gives each page the
 * signed-in user (if any) and the CSRF token its forms post back.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { NO_EVAL_PROBES, useNonce } from "~/components/nonce";
import { useHydrationDone } from "~/components/server-markup";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { CLOSE_ON_PHONES } from "~/components/disclosure";
import { ErrorPage, errorWords } from "~/components/error-page";
import { localeOf, switchLangPath, translator } from "~/i18n/i18n";
import { langOfPath } from "~/i18n/use-lang";
import { csrfToken } from "~/web/csrf.server";
import { publicOrigin } from "~/web/origin.server";
import { getUser } from "~/web/session.server";
// Inlined rather than linked: the first screen on a slow connection no longer waits a
// round trip for a render-blocking stylesheet. Only the storefront's rules: the workspace,
// console, basket and orders link theirs (app/styles-work.css), so a shop page carries half.
import styles from "~/styles.css?inline";
import { fontPreloads } from "~/fonts";
import { SCRIPTS_AFTER_LOAD } from "~/web/scripts-after-load";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * The error page's title (Remix then renders only the root's meta), and the store's name for a
 * page that sets none, so no page has an empty <title>; in the page's language.
 */
export const meta: MetaFunction = ({ error, location }) => {
  const t = translator(langOfPath(location.pathname));
  if (!error) return [{ title: t("site.name") }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${errorWords(status, t)[0]} · ${t("site.name")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // Only signed-in pages carry a CSRF token here (for the header's sign-out and their
  // forms); a signed-out page then holds nothing personal and may be served from the
  // page cache. Sign-in and sign-up pages get their token from their own loaders.
  const csrf = user ? await csrfToken(request) : null;
  return data(
    {
      user: user
        ? { name: user.name, role: user.role, groups: user.memberships.map(({ group }) => ({ slug: group.slug, nameTh: group.nameTh, nameEn: group.nameEn })) }
        : null,
      csrf: csrf?.token ?? null,
      origin: publicOrigin(request),
    },
    { headers: csrf?.setCookie ? { "Set-Cookie": csrf.setCookie } : {} },
  );
}

export type RootData = typeof loader;

export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const lang = langOfPath(location.pathname);
  const root = useRouteLoaderData<RootData>("root");
  const origin = root?.origin ?? "";
  const nonce = useNonce();
  return (
    <html lang={lang === "th" ? "th" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#5b2a86" />
        <Meta />
        <link rel="alternate" hrefLang="th" href={`${origin}${switchLangPath(location.pathname, "th")}`} />
        <link rel="alternate" hrefLang="en" href={`${origin}${switchLangPath(location.pathname, "en")}`} />
        <link rel="alternate" hrefLang="x-default" href={`${origin}${switchLangPath(location.pathname, "th")}`} />
        {fontPreloads(lang).map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />
        ))}
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: styles }} />
        {/* After the inline core: the back-office stylesheet some routes link (app/web/work-styles.ts) refines it. */}
        <Links />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: NO_EVAL_PROBES + SCRIPTS_AFTER_LOAD }} />
      </head>
      <body>
        <SiteHeader user={root?.user ?? null} />
        <main id="main">{children}</main>
        <SiteFooter />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: CLOSE_ON_PHONES }} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the moment the page's JavaScript has taken over (it starts after the
  // load event, see web/scripts-after-load.ts); browser tests wait on it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  useHydrationDone();
  return <Outlet />;
}

export function ErrorBoundary() {
  useHydrationDone();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} />;
}

export { localeOf };

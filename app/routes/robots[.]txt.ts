/** /robots.txt: everything public may be crawled except accounts and workspaces; points at the sitemap. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/web/origin.server";

export function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request);
  const privatePaths = ["/signin", "/signup", "/signout", "/staff", "/groups/*/manage"];
  const lines = [
    "User-agent: *",
    "Allow: /",
    ...privatePaths.flatMap((path) => [`Disallow: ${path}`, `Disallow: /en${path}`]),
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ];
  return new Response(lines.join("\n"), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}

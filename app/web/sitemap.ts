/**
 * Sitemap XML. Each page is listed once per language, and each entry names
 * its other-language twin (xhtml:link hreflang), as search engines ask for
 * bilingual sites.
 */
import { languages } from "~/i18n/i18n";
import { absolute } from "./seo";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function urlSet(origin: string, pages: { path: string; lastmod?: Date }[]): string {
  const entries = pages.flatMap(({ path, lastmod }) =>
    languages.map((lang) => {
      const alternates = languages
        .map((other) => `<xhtml:link rel="alternate" hreflang="${other}" href="${escape(absolute(origin, other, path))}"/>`)
        .join("");
      const modified = lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : "";
      return `<url><loc>${escape(absolute(origin, lang, path))}</loc>${modified}${alternates}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(urls: string[]): string {
  const entries = urls.map((url) => `<sitemap><loc>${escape(url)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`;
}

export function xmlResponse(body: string): Response {
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}

/** Where a page sits in the store, as a trail of links (the JSON-LD BreadcrumbList says the same for search engines). */
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";

export function Breadcrumbs({ items }: { items: { label: string; to?: string }[] }) {
  const { t } = useT();
  return (
    <nav aria-label={t("store.breadcrumbs")} className="breadcrumbs">
      <ol>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

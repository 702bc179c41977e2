/**
 * "Add to basket" on the product page. The page may come from the shared page cache, which holds
 * no CSRF token, so once its JavaScript runs this form fetches a token of its own; a buyer who
 * posts before that (or without JavaScript) is asked to confirm on the basket page.
 */
import { Form, useMatches } from "@remix-run/react";
import { useEffect, useState } from "react";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";

export function AddToCart({ productId, maxQuantity, title }: { productId: string; maxQuantity: number; title: string }) {
  const { t, lang } = useT();
  const fromPage = [...useMatches()].reverse().map((match) => (match.data as { csrf?: unknown } | undefined)?.csrf).find((token) => typeof token === "string" && token !== "");
  const [token, setToken] = useState(typeof fromPage === "string" ? fromPage : "");
  useEffect(() => {
    if (token) return;
    let live = true;
    fetch("/api/csrf", { credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<{ csrf: string }>) : null))
      .then((body) => {
        if (live && body?.csrf) setToken(body.csrf);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [token]);
  if (maxQuantity < 1) return <p className="sold-out">{t("product.outOfStock")}</p>;
  return (
    <Form method="post" action={href(lang, "/cart")} className="add-to-cart inline-form">
      <input type="hidden" name="csrf" value={token} />
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor="add-quantity">{t("cart.quantity")}</label>
      <input id="add-quantity" name="quantity" type="number" inputMode="numeric" min={1} max={maxQuantity} defaultValue={1} className="qty-input" />
      <button type="submit" className="button">
        {t("cart.add")} <span className="visually-hidden">{title}</span>
      </button>
    </Form>
  );
}

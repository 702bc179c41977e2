/**
 * The stylesheet of the pages a buyer does not browse but works in (the group workspace, the
 * staff console, basket, checkout, orders, account, applications): linked, not inlined, so
 * the storefront's pages (which inline app/styles.css) do not carry it. A route that renders
 * such a page exports `links = workStyles` (a layout's links cover its child routes);
 * tests/styles-split.test.ts keeps the split honest.
 */
import type { LinksFunction } from "@remix-run/node";
import href from "~/styles-work.css?url";

export const workStyles: LinksFunction = () => [{ rel: "stylesheet", href }];

import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { Listing, type ListingProps } from "./listing";

const listing = async (path: string, total: number, totalIsExact = true) => {
  const props: ListingProps = {
    path: "/categories/textiles",
    query: { sort: "new", cert: null, ship: null },
    products: [],
    page: 1,
    pageCount: 1,
    total,
    totalIsExact,
    firstSearch: "",
    nextSearch: null,
    previousSearch: null,
  };
  // Remix's <Form> needs a data router around it.
  const routes = [{ path: "*", element: <Listing {...props} /> }];
  const context = await createStaticHandler(routes).query(new Request(`http://store.test${path}`));
  if (context instanceof Response) throw new Error("the route answered with a response");
  // Without React's markers between neighbouring texts, the count reads as a visitor sees it.
  return renderToString(<StaticRouterProvider router={createStaticRouter(routes, context)} context={context} hydrate={false} />).replaceAll("<!-- -->", "");
};

describe("the listing's product count", () => {
  it("says one product in the singular and many in the plural, with a thousands separator", async () => {
    expect(await listing("/en/categories/textiles", 1)).toContain("1 product ·");
    expect(await listing("/en/categories/textiles", 1250)).toContain("1,250 products");
    expect(await listing("/en/categories/textiles", 1000, false)).toContain("More than 1,000 products");
  });

  it("says รายการ in Thai whatever the number", async () => {
    expect(await listing("/categories/textiles", 1)).toContain("1 รายการ");
    expect(await listing("/categories/textiles", 1250)).toContain("1,250 รายการ");
  });
});

/**
 * Thai address choices, one level at a time, for pickers that fill the next list as a person
 * chooses (`?province=` → its districts; `?province=&district=` → their subdistricts; nothing →
 * every province). Public data that changes only with the dataset: cached for a day.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { districtChoices, provinceChoices, subdistrictChoices } from "~/modules/groups/places.server";

const param = (url: URL, name: string) => (url.searchParams.get(name) ?? "").slice(0, 100);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const province = param(url, "province");
  const district = param(url, "district");
  const headers = { "Cache-Control": "public, max-age=86400" };
  // A plain JSON response: the pickers fetch it, and a resource route answers with a Response.
  if (province && district) return Response.json({ places: await subdistrictChoices(province, district) }, { headers });
  if (province) return Response.json({ places: await districtChoices(province) }, { headers });
  return Response.json({ places: await provinceChoices() }, { headers });
}

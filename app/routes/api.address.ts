/**
 * The Thai address cascade, one province at a time, for the address fieldset's pickers:
 *   GET /api/address                 → { provinces: [{ th, en }] }
 *   GET /api/address?province=<name> → { province, districts: [{ th, en, subdistricts: [{ th, en, postcodes }] }] }
 * (a province's whole tree is a few kilobytes gzipped, so one request serves both pickers below
 * it). An unknown province is a 404. The dataset only changes with the package, so answers are
 * cached by browsers and shared caches for a day.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { addressLimits } from "~/modules/addresses/address";
import { provinceChoices, thaiProvinces } from "~/modules/addresses/address.server";

const CACHE = "public, max-age=86400, stale-while-revalidate=604800";
const provinceParam = z.string().trim().min(1).max(addressLimits.place);

export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("province");
  // Plain Responses: fetched by the fieldset, not by Remix, so no single-fetch encoding.
  if (asked === null) return Response.json({ provinces: await thaiProvinces() }, { headers: { "Cache-Control": CACHE } });
  const province = provinceParam.safeParse(asked);
  const choices = province.success ? await provinceChoices(province.data) : null;
  if (!choices) return Response.json({ error: "unknown province" }, { status: 404, headers: { "Cache-Control": "public, max-age=3600" } });
  return Response.json(choices, { headers: { "Cache-Control": CACHE } });
}

/**
 * The demo catalog file's entries as database columns: what the seed writes for a group and a
 * product. Pure, so the seed and the history of earlier catalog versions (./ownership.ts) map
 * a file the same way.
 */
import type { CommitteeRole, ShippingKind } from "~/generated/prisma/client";
import type { CatalogGroup, CatalogProduct, CatalogShipping } from "./catalog-file";
import { scheduleInThai } from "./schedules";

/**
 * The group columns a later seed may bring up to date (see ./ownership.ts). The province, the
 * slug and verifiedAt are written only when the row is created.
 */
export function groupColumns(group: CatalogGroup) {
  return {
    nameTh: group.name_th,
    nameEn: group.name_en,
    storyTh: group.story_th,
    storyEn: group.story_en,
    villageTh: group.village_th,
    villageEn: group.village_en,
    tambonTh: group.tambon_th,
    tambonEn: group.tambon_en ?? null,
    amphoeTh: group.amphoe_th,
    amphoeEn: group.amphoe_en ?? null,
    foundedYear: group.founded_year,
    memberCount: group.member_count,
    communitySage: group.community_sage,
    communitySageEn: group.community_sage_en ?? null,
    otopStars: group.otop_stars ?? null,
    promptPayId: group.promptpay_id ?? null,
    phone: group.contacts?.phone ?? null,
    lineId: group.contacts?.line_id ?? null,
    facebookPage: group.contacts?.facebook ?? null,
    verificationStatus: "VERIFIED" as const,
  };
}

/** The product columns a later seed may bring up to date; group, category and slug are written only at creation. */
export function productColumns(product: CatalogProduct) {
  return {
    productType: product.product_type,
    titleTh: product.title_th,
    titleEn: product.title_en,
    storyTh: product.story_th,
    storyEn: product.story_en,
    priceSatang: product.price_satang,
    unitTh: product.unit_th,
    unitEn: product.unit_en,
    weightGrams: product.weight_grams,
    stock: product.stock,
    madeToOrder: product.made_to_order,
    leadTimeDays: product.made_to_order ? (product.lead_time_days ?? null) : null,
    capacityPerWeek: product.capacity_per_week ?? null,
    unitCostSatang: product.unit_cost_satang ?? null,
    status: "ACTIVE" as const,
  };
}

export const committeeRoles: Record<string, CommitteeRole> = {
  president: "CHAIR",
  "vice-president": "VICE_CHAIR",
  treasurer: "TREASURER",
  secretary: "SECRETARY",
  marketing: "MARKETING",
  production: "PRODUCTION",
  auditor: "AUDITOR",
};

const shippingKinds: Record<CatalogShipping["kind"], ShippingKind> = {
  "pickup-centre": "PICKUP_CENTRE",
  "pickup-market": "PICKUP_MARKET",
  "thailand-post-ems": "THAILAND_POST_EMS",
  "thailand-post-registered": "THAILAND_POST_REGISTERED",
  "courier-kerry": "COURIER_KERRY",
  "courier-flash": "COURIER_FLASH",
  "courier-jt": "COURIER_JT",
};

export function shippingColumns(method: CatalogShipping, position: number) {
  return {
    kind: shippingKinds[method.kind],
    nameTh: method.name_th,
    nameEn: method.name_en,
    feeSatang: method.fee_satang,
    perExtraKgSatang: method.per_extra_kg_satang ?? 0,
    freeOverSatang: method.free_over_satang ?? null,
    scheduleTh: method.schedule ? scheduleInThai(method.schedule) : null,
    scheduleEn: method.schedule ?? null,
    position,
  };
}

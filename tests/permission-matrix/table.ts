/**
 * Who may use each workspace and staff route: one entry per route file (keyed by its file name in
 * app/routes), with the roles allowed to load the page and, per intent its action takes, the roles
 * allowed and a function that builds a valid form for it. permission-matrix.test.ts calls every
 * page and intent as every role and fails for a route file missing here.
 *
 * Adding a route: one entry `"<file name>": { path, page, intents }`. Adding an intent: one line
 * `"<intent>": can(ROLES, (w, c) => ({ …fields })),` where `w` is the world (world.ts: its people
 * and row factories) and `c` what the entry's `setup` made for this request. Every form is built
 * fresh for each request, so an allowed request may use its rows up (hide a listing, accept an
 * invitation) without spoiling the next.
 */
import type { Role, World } from "./world";

export const STAFF = ["staff"] as const satisfies readonly Role[];
export const MEMBERS = ["member", "manager", "owner"] as const satisfies readonly Role[];
export const MANAGERS = ["manager", "owner"] as const satisfies readonly Role[];
export const OWNERS = ["owner"] as const satisfies readonly Role[];

export type FormFields = Record<string, string | string[] | File>;

export type IntentRow<C> = {
  allowed: readonly Role[];
  form: (w: World, c: C) => FormFields | Promise<FormFields>;
  /** Whether an allowed request writes an audit record (every staff and group action should). */
  audited?: boolean;
};

export type RouteRow<C = unknown> = {
  /** Makes what one request needs (a fresh collection, say); its result is `c` below. */
  setup?: (w: World) => Promise<C>;
  /** The URL path, without a language prefix; the route's params are read from it. */
  path: (w: World, c: C) => string;
  /** Roles that may load the page; null when the route has no loader. */
  page: readonly Role[] | null;
  intents?: Record<string, IntentRow<C>>;
};

/** One intent's line: who may, and a valid form. */
export function can<C>(allowed: readonly Role[], form: IntentRow<C>["form"], options: { audited?: boolean } = {}): IntentRow<C> {
  return { allowed, form, ...options };
}

/** Keeps an entry's `setup` result typed in its paths and forms. */
function route<C>(row: RouteRow<C>): RouteRow<unknown> {
  return row as RouteRow<unknown>;
}

const reason = "รูปสินค้าไม่ตรงกับของจริง กรุณาถ่ายใหม่";

export const permissionTable: Record<string, RouteRow<unknown>> = {
  // ───── the group workspace ─────
  "($lang).groups.$slug_.manage.tsx": { path: (w) => w.workspace(""), page: MEMBERS },
  "($lang).groups.$slug_.manage._index.tsx": { path: (w) => w.workspace(""), page: MEMBERS },
  "($lang).groups.$slug_.manage.products.tsx": {
    path: (w) => w.workspace("products"),
    page: MEMBERS,
    intents: {
      "set-stock": can(MANAGERS, async (w) => ({ productId: (await w.product()).id, stock: "7" })),
      "add-photo": can(MANAGERS, async (w) => ({ productId: (await w.product()).id, photo: await w.photo() })),
    },
  },
  "($lang).groups.$slug_.manage.orders.tsx": { path: (w) => w.workspace("orders"), page: MEMBERS },
  "($lang).groups.$slug_.manage.money.tsx": { path: (w) => w.workspace("money"), page: MEMBERS },
  "($lang).groups.$slug_.manage.money[.]csv.ts": { path: (w) => w.workspace("money.csv"), page: MEMBERS },
  "($lang).groups.$slug_.manage_.orders.$groupOrderId.transfer-slip.tsx": route<{ groupOrderId: string }>({
    setup: (w) => w.slipOrder(),
    path: (w, c) => w.workspace(`orders/${c.groupOrderId}/transfer-slip`),
    page: MEMBERS,
  }),
  "($lang).groups.$slug_.manage.members.tsx": { path: (w) => w.workspace("members"), page: MEMBERS },
  "($lang).groups.$slug_.manage.profile.tsx": { path: (w) => w.workspace("profile"), page: MEMBERS },

  // ───── the staff console ─────
  "($lang).staff.tsx": { path: () => "/staff", page: STAFF },
  "($lang).staff._index.tsx": { path: () => "/staff", page: STAFF },
  "($lang).staff.groups.tsx": { path: () => "/staff/groups", page: STAFF },
  "($lang).staff.audit.tsx": { path: () => "/staff/audit", page: STAFF },
  "($lang).staff.collections._index.tsx": {
    path: () => "/staff/collections",
    page: STAFF,
    intents: {
      create: can(STAFF, () => ({ titleTh: "ของขวัญปีใหม่", titleEn: "New Year gifts" })),
      "move-collection": can(STAFF, async (w) => ({ collectionId: (await w.collection()).id, offset: "-1" })),
      "reorder-collections": can(STAFF, async (w) => {
        await w.collection();
        return { order: (await w.collectionOrder()).reverse() };
      }),
    },
  },
  "($lang).staff.collections.$slug.tsx": route<Awaited<ReturnType<World["collection"]>>>({
    setup: (w) => w.collection(),
    path: (_w, c) => `/staff/collections/${c.slug}`,
    page: STAFF,
    intents: {
      update: can(STAFF, () => ({ titleTh: "ผ้าทอมือ", titleEn: "Handwoven", startsAt: "2026-12-01T09:00", endsAt: "" })),
      publish: can(STAFF, () => ({})),
      // A collection starts unpublished, so unpublishing needs it published first.
      unpublish: can(STAFF, async (w, c) => {
        await w.publish(c.id);
        return {};
      }),
      "add-product": can(STAFF, async (w) => ({ productId: (await w.product()).id })),
      "remove-product": can(STAFF, (_w, c) => ({ productId: c.productIds[0] })),
      "move-product": can(STAFF, (_w, c) => ({ productId: c.productIds[0], offset: "1" })),
      "reorder-products": can(STAFF, (_w, c) => ({ order: [...c.productIds].reverse() })),
    },
  }),
  "($lang).staff.moderation.tsx": {
    path: () => "/staff/moderation",
    page: STAFF,
    intents: {
      "hide-product": can(STAFF, async (w) => ({ productId: (await w.product()).id, reason })),
      "reinstate-product": can(STAFF, async (w) => ({ productId: (await w.hiddenProduct()).id })),
      "suspend-group": can(STAFF, async (w) => ({ groupId: (await w.newGroup()).id, reason })),
      "reinstate-group": can(STAFF, async (w) => ({ groupId: (await w.newGroup("SUSPENDED")).id })),
    },
  },
  "($lang).staff.payouts.tsx": {
    path: () => "/staff/payouts",
    page: STAFF,
    intents: {
      "mark-sent": can(STAFF, async (w) => ({ payoutId: (await w.payout("PENDING")).id, reference: "KBANK-0001" })),
      retry: can(STAFF, async (w) => ({ payoutId: (await w.payout("FAILED")).id })),
      run: can(STAFF, () => ({})),
    },
  },
  "($lang).staff.outbox.tsx": {
    path: () => "/staff/outbox",
    page: STAFF,
    intents: {
      retry: can(STAFF, async (w) => ({ messageId: (await w.deadMessage()).id })),
    },
  },
};

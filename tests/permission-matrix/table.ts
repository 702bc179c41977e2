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
/** Anyone signed in. */
export const SIGNED_IN = ["consumer", "outsider", "member", "manager", "owner", "staff"] as const satisfies readonly Role[];
/** Everyone, signed in or not: pages whose right comes from a token in the link, or none at all. */
export const ANYONE = ["guest", ...SIGNED_IN] as const satisfies readonly Role[];
export const OWNERS = ["owner"] as const satisfies readonly Role[];

export type FormFields = Record<string, string | string[] | File>;

export type IntentRow<C> = {
  allowed: readonly Role[];
  /** `role`: who will post it, for a form that must name that person's own row (their address). */
  form: (w: World, c: C, role: Role) => FormFields | Promise<FormFields>;
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
  /** A signed-out post is sent to sign in and back (303) rather than refused with 401. */
  guestPostSignsIn?: boolean;
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
const address = { recipientName: "สมใจ", phone: "0812345678", line: "99 หมู่ 5", province: "ขอนแก่น", district: "ชนบท", subdistrict: "ชนบท", postcode: "40180" };

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
  // ───── a buyer's own account ─────
  "($lang).account.tsx": {
    path: () => "/account",
    page: SIGNED_IN,
    intents: {
      profile: can(SIGNED_IN, () => ({ name: "ชื่อใหม่", phone: "081 234 5678", locale: "th" }), { audited: false }),
      password: can(
        SIGNED_IN,
        async (w) => {
          await w.knownPasswords();
          return { currentPassword: w.knownPassword, newPassword: w.knownPassword };
        },
        { audited: false },
      ),
      "add-address": can(SIGNED_IN, () => ({ ...address }), { audited: false }),
      "remove-address": can(SIGNED_IN, async (w, _c, role) => ({ addressId: await w.addressOf(role) }), { audited: false }),
      "default-address": can(SIGNED_IN, async (w, _c, role) => ({ addressId: await w.addressOf(role) }), { audited: false }),
    },
  },
  "($lang).groups.$slug_.follow.tsx": {
    path: (w) => `/groups/${w.group.slug}/follow`,
    page: SIGNED_IN,
    guestPostSignsIn: true,
    intents: {
      follow: can(SIGNED_IN, () => ({}), { audited: false }),
      unfollow: can(SIGNED_IN, () => ({}), { audited: false }),
    },
  },
  // The signed token in the link is the right: anyone holding it may open it and use it.
  "($lang).unfollow.tsx": route<string>({
    setup: (w) => w.unfollowToken(),
    path: (_w, token) => `/unfollow?token=${token}`,
    page: ANYONE,
    intents: { unfollow: can(ANYONE, (_w, token) => ({ token }), { audited: false }) },
  }),
  "($lang).forgot-password.tsx": {
    path: () => "/forgot-password",
    page: ANYONE,
    intents: { request: can(ANYONE, (w) => ({ email: w.freshEmail() }), { audited: false }) },
  },
  "($lang).reset-password.$token.tsx": route<string>({
    setup: (w) => w.resetToken(),
    path: (_w, token) => `/reset-password/${token}`,
    page: ANYONE,
    intents: { reset: can(ANYONE, () => ({ password: "a-new-password-2570" }), { audited: false }) },
  }),

  "($lang).staff.outbox.tsx": {
    path: () => "/staff/outbox",
    page: STAFF,
    intents: {
      retry: can(STAFF, async (w) => ({ messageId: (await w.deadMessage()).id })),
    },
  },
};

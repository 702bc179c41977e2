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
export const MEMBERS = ["member", "treasurer", "manager", "owner"] as const satisfies readonly Role[];
export const MANAGERS = ["manager", "owner"] as const satisfies readonly Role[];
/** Anyone signed in. */
export const SIGNED_IN = ["consumer", "outsider", "member", "treasurer", "manager", "owner", "staff"] as const satisfies readonly Role[];
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
  /** See RouteRow.answer: the one refusal every allowed role gets, changing nothing. */
  answer?: number;
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
  /**
   * For a route whose right is not a role (an unknown page, a webhook's signature): the status
   * every allowed role gets alike. The matrix then proves that no role is treated differently.
   */
  answer?: number;
  /** How a signed-in role outside `page` is refused, where the route hides what exists (404). */
  deniedWith?: number;
  /** Each request brings a new session of its role: sign-in, sign-up and sign-out replace or end theirs. */
  freshSession?: boolean;
};

/** One intent's line: who may, and a valid form. */
export function can<C>(allowed: readonly Role[], form: IntentRow<C>["form"], options: { audited?: boolean; answer?: number } = {}): IntentRow<C> {
  return { allowed, form, ...options };
}

/** Keeps an entry's `setup` result typed in its paths and forms. */
function route<C>(row: RouteRow<C>): RouteRow<unknown> {
  return row as RouteRow<unknown>;
}

const reason = "รูปสินค้าไม่ตรงกับของจริง กรุณาถ่ายใหม่";
const address = { recipientName: "สมใจ", phone: "0812345678", line: "99 หมู่ 5", province: "ขอนแก่น", district: "ชนบท", subdistrict: "ชนบท", postcode: "40180" };

/** A valid product form, as the workspace's product editor posts it. */
const productForm = {
  titleTh: "เสื่อกกทดสอบ",
  titleEn: "",
  storyTh: "ทอจากกกในหนองน้ำของหมู่บ้าน",
  storyEn: "",
  category: "handicraft",
  price: "1,250.50",
  unitTh: "ผืน",
  unitEn: "mat",
  weightGrams: "900",
  stock: "3",
};

export const permissionTable: Record<string, RouteRow<unknown>> = {
  // ───── the group workspace ─────
  "($lang).groups.$slug_.manage.tsx": { path: (w) => w.workspace(""), page: MEMBERS },
  "($lang).groups.$slug_.manage._index.tsx": { path: (w) => w.workspace(""), page: MEMBERS },
  "($lang).groups.$slug_.manage.products._index.tsx": {
    path: (w) => w.workspace("products"),
    page: MEMBERS,
    intents: {
      "set-stock": can(MANAGERS, async (w) => ({ productId: (await w.product()).id, stock: "7" })),
    },
  },
  "($lang).groups.$slug_.manage.products.new.tsx": {
    path: (w) => w.workspace("products/new"),
    page: MANAGERS,
    intents: { "save-product": can(MANAGERS, () => productForm) },
  },
  "($lang).groups.$slug_.manage.products.$productId.tsx": route<Awaited<ReturnType<World["productWithPhotos"]>>>({
    setup: (w) => w.productWithPhotos(),
    path: (w, c) => w.workspace(`products/${c.id}`),
    page: MEMBERS,
    intents: {
      "save-product": can(MANAGERS, () => productForm),
      duplicate: can(MANAGERS, () => ({})),
      "set-status": can(MANAGERS, () => ({ status: "DRAFT" })),
      "photo-up": can(MANAGERS, (_w, c) => ({ photoId: c.photoIds[1] })),
      "photo-down": can(MANAGERS, (_w, c) => ({ photoId: c.photoIds[0] })),
      "photo-cover": can(MANAGERS, (_w, c) => ({ photoId: c.photoIds[1] })),
      "photo-remove": can(MANAGERS, (_w, c) => ({ photoId: c.photoIds[0] })),
      "add-photo": can(MANAGERS, async (w) => ({ photo: await w.photo() })),
    },
  }),
  "($lang).groups.$slug_.manage_.products.$productId.preview.tsx": route<{ id: string }>({
    setup: (w) => w.product(),
    path: (w, c) => `${w.workspace("products")}/${c.id}/preview`,
    page: MEMBERS,
  }),
  "($lang).groups.$slug_.manage.orders._index.tsx": { path: (w) => w.workspace("orders"), page: MEMBERS },
  "($lang).groups.$slug_.manage.orders[.]csv.ts": { path: (w) => `${w.workspace("orders")}.csv`, page: MEMBERS },
  "($lang).groups.$slug_.manage.orders.$groupOrderId.tsx": route<{ id: string }>({
    setup: (w) => w.groupOrder(),
    path: (w, c) => w.workspace(`orders/${c.id}`),
    page: MEMBERS,
    intents: {
      move: can(MANAGERS, () => ({ from: "NEW", to: "ACCEPTED" })),
      // Shipping needs a packed order: the form's builder packs this request's fresh one first.
      ship: can(MANAGERS, async (w, c) => {
        await w.pack(c.id);
        return { from: "PACKED", carrier: "KERRY", trackingNumber: "KEX12345678" };
      }),
      cancel: can(MANAGERS, () => ({ from: "NEW", reason: "วัตถุดิบหมด" })),
      // The elected treasurer confirms money paid straight to the group, though a plain member otherwise.
      "confirm-payment": can([...MANAGERS, "treasurer"], () => ({})),
      // A refund needs money received: the form's builder records this request's order as paid first.
      refund: can(MANAGERS, async (w, c) => {
        await w.paid(c.id);
        return { amount: "1", reason: "ของชำรุด" };
      }),
    },
  }),
  "($lang).groups.$slug_.manage_.orders.$groupOrderId.slip.tsx": route<{ id: string }>({
    setup: (w) => w.groupOrder(),
    path: (w, c) => `${w.workspace("orders")}/${c.id}/slip`,
    page: MEMBERS,
  }),
  "($lang).groups.$slug_.manage.production.tsx": { path: (w) => w.workspace("production"), page: MEMBERS },
  "($lang).groups.$slug_.manage.shipping.tsx": route<{ id: string }>({
    setup: (w) => w.shippingMethod(),
    path: (w) => w.workspace("shipping"),
    page: MEMBERS,
    intents: {
      add: can(MANAGERS, () => ({ kind: "COURIER_FLASH", fee: "38.50" })),
      update: can(MANAGERS, (_w, c) => ({ methodId: c.id, kind: "COURIER_KERRY", fee: "45" })),
      deactivate: can(MANAGERS, (_w, c) => ({ methodId: c.id })),
      activate: can(MANAGERS, (_w, c) => ({ methodId: c.id })),
      move: can(MANAGERS, (_w, c) => ({ methodId: c.id, direction: "up" })),
    },
  }),
  "($lang).groups.$slug_.manage.money.tsx": {
    path: (w) => w.workspace("money"),
    page: MEMBERS,
    // Where card money is paid out to decides where money goes: the owner alone (Stripe is intercepted in the test).
    intents: { "connect-stripe": can(OWNERS, () => ({})) },
  },
  "($lang).groups.$slug_.manage.money[.]csv.ts": { path: (w) => w.workspace("money.csv"), page: MEMBERS },
  "($lang).groups.$slug_.manage_.orders.$groupOrderId.transfer-slip.tsx": route<{ groupOrderId: string }>({
    setup: (w) => w.slipOrder(),
    path: (w, c) => w.workspace(`orders/${c.groupOrderId}/transfer-slip`),
    page: MEMBERS,
  }),
  "($lang).groups.$slug_.manage.members.tsx": {
    path: (w) => w.workspace("members"),
    page: MEMBERS,
    intents: {
      invite: can(OWNERS, () => ({ email: `invite-${Math.random().toString(36).slice(2)}@test.local`, role: "MEMBER" })),
      change: can(OWNERS, async (w) => ({ membershipId: (await w.membership()).id, role: "MANAGER", committeeRole: "SECRETARY" })),
      remove: can(OWNERS, async (w) => ({ membershipId: (await w.membership()).id })),
      revoke: can(OWNERS, async (w) => ({ invitationId: (await w.invitation()).id })),
    },
  },
  "($lang).groups.$slug_.manage.profile.tsx": {
    path: (w) => w.workspace("profile"),
    page: MEMBERS,
    intents: {
      "save-names": can(MANAGERS, () => ({ nameTh: "กลุ่มจักสานกระจูดบ้านทอน", nameEn: "Ban Thon krajood weavers", storyTh: "สานกระจูดสืบต่อกันมา" })),
      // Without JavaScript: the page comes back with the next list of places filled; nothing is saved.
      "pick-place": can(MANAGERS, () => ({ village: "บ้านทอน", province: "นราธิวาส" }), { audited: false }),
      "save-place": can(MANAGERS, () => ({ village: "บ้านทอน", province: "นราธิวาส", district: "เมืองนราธิวาส", subdistrict: "โคกเคียน" })),
      "save-people": can(MANAGERS, () => ({ foundedYear: "2546", memberCount: "18", communitySage: "ยายสอน", "committee[0].role": "CHAIR", "committee[0].name": "นางประธาน" })),
      "save-contacts": can(MANAGERS, () => ({ phone: "081-234-5678", lineId: "@banthon" })),
      // Payout details decide where money goes: the owner alone.
      "save-payout": can(OWNERS, () => ({ promptPayId: "089 999 9999" })),
      "save-certifications": can(MANAGERS, () => ({ certifications: ["otop"] })),
      "set-cover": can(MANAGERS, async (w) => ({ cover: await w.photo() })),
    },
  },
  "($lang).groups.$slug_.manage.searches.tsx": { path: (w) => w.workspace("searches"), page: MEMBERS },

  // ───── the staff console ─────
  "($lang).staff.tsx": { path: () => "/staff", page: STAFF },
  "($lang).staff._index.tsx": { path: () => "/staff", page: STAFF },
  "($lang).staff.groups.tsx": { path: () => "/staff/groups", page: STAFF },
  "($lang).staff.audit.tsx": { path: () => "/staff/audit", page: STAFF },
  "($lang).staff.searches.tsx": { path: () => "/staff/searches", page: STAFF },
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
  "($lang).staff_.verification._index.tsx": { path: () => "/staff/verification", page: STAFF },
  "($lang).staff_.verification.$requestId.tsx": route<{ id: string }>({
    setup: (w) => w.verificationRequest(),
    path: (_w, c) => `/staff/verification/${c.id}`,
    page: STAFF,
    intents: {
      approve: can(STAFF, () => ({})),
      return: can(STAFF, () => ({ reasons: "ขอรูปถ่ายกิจกรรมของกลุ่มเพิ่ม" })),
    },
  }),
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
  // Public, listed so that a guard added to it by mistake shows here.
  "($lang).groups._index.tsx": { path: () => "/groups", page: ANYONE },
  "($lang).collections.$slug.tsx": { path: () => "/collections/handwoven-heritage", page: ANYONE },
  // ───── buying: a buyer's own basket (by cookie or account) and finding an order ─────
  // Whose basket and whose order is proven in orders.test.ts and checkout-route.test.ts; here,
  // that no role is kept out of them by mistake. The checkout and an order's own page answer by
  // the basket and the order the request holds, not by role, and a group application by the
  // applicant's own draft, so those three are tested in their own suites only (NOT_BY_ROLE).
  "($lang).cart.tsx": {
    path: () => "/cart",
    page: ANYONE,
    intents: {
      add: can(ANYONE, async (w) => ({ productId: (await w.product()).id, quantity: "1" }), { audited: false }),
      set: can(ANYONE, async (w) => ({ productId: (await w.product()).id, quantity: "2" }), { audited: false }),
      remove: can(ANYONE, async (w) => ({ productId: (await w.product()).id }), { audited: false }),
      "accept-changes": can(ANYONE, () => ({}), { audited: false }),
    },
  },
  "($lang).orders._index.tsx": {
    path: () => "/orders",
    page: ANYONE,
    // The form has no intent field; the name is the matrix's label for it.
    intents: { find: can(ANYONE, async (w) => w.placedOrder(), { audited: false }) },
  },
  "api.csrf.ts": { path: () => "/api/csrf", page: ANYONE },
  "api.address.ts": { path: () => "/api/address?province=ขอนแก่น", page: ANYONE },
  "places.ts": { path: () => "/places?province=ขอนแก่น", page: ANYONE },
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

  // ───── the storefront: public, listed so that a guard added by mistake shows here ─────
  "($lang).tsx": { path: () => "/", page: ANYONE },
  "($lang)._index.tsx": { path: () => "/", page: ANYONE },
  "($lang).$.tsx": { path: () => "/no-such-page", page: ANYONE, answer: 404 },
  "($lang).categories.$slug.tsx": { path: () => "/categories/handicraft", page: ANYONE },
  "($lang).provinces.$slug.tsx": route<string>({ setup: (w) => w.provinceSlug(), path: (_w, slug) => `/provinces/${slug}`, page: ANYONE }),
  "($lang).groups.$slug.tsx": { path: (w) => `/groups/${w.group.slug}`, page: ANYONE },
  "($lang).products.$slug.tsx": route<{ slug: string }>({ setup: (w) => w.product(), path: (_w, made) => `/products/${made.slug}`, page: ANYONE }),
  "($lang).search.tsx": { path: () => "/search?q=กระจูด", page: ANYONE },
  "($lang).search_.open.ts": route<{ slug: string }>({ setup: (w) => w.product(), path: (_w, made) => `/search/open?product=${made.slug}`, page: ANYONE }),
  "($lang).search_.suggest.ts": { path: () => "/search/suggest?q=กระ", page: ANYONE },
  "og.$kind.$file.ts": route<{ slug: string }>({ setup: (w) => w.product(), path: (_w, made) => `/og/product/${made.slug}.png`, page: ANYONE }),
  "art.$palette.$file.ts": { path: () => "/art/indigo/ban-thon-krajood.svg", page: ANYONE },
  "media.$.ts": { path: () => "/media/no/such-file.webp", page: ANYONE, answer: 404 },
  "robots[.]txt.ts": { path: () => "/robots.txt", page: ANYONE },
  "sitemap[.]xml.ts": { path: () => "/sitemap.xml", page: ANYONE },
  "sitemaps.$file.ts": { path: () => "/sitemaps/products-1.xml", page: ANYONE },
  "healthz.ts": { path: () => "/healthz", page: ANYONE },
  // The mail folder's page: open to anyone outside production (a local tool), a 404 in production.
  "dev.mail.tsx": { path: () => "/dev/mail", page: ANYONE },
  // ───── accounts: anyone may sign in, sign up or out; each request brings its own session ─────
  "($lang).signin.tsx": route<void>({
    setup: (w) => w.knownPasswords(),
    path: () => "/signin",
    page: ANYONE,
    freshSession: true,
    intents: { "sign-in": can(ANYONE, (w, _c, role) => ({ email: w.emailOf(role) ?? w.emailOf("consumer")!, password: w.knownPassword }), { audited: false }) },
  }),
  "($lang).signup.tsx": {
    path: () => "/signup",
    page: ANYONE,
    freshSession: true,
    intents: { "sign-up": can(ANYONE, (w) => ({ name: "ผู้ซื้อใหม่", email: w.freshEmail(), password: "a-new-password-2570" }), { audited: false }) },
  },
  "($lang).signout.tsx": { path: () => "/signout", page: ANYONE, freshSession: true, intents: { "sign-out": can(ANYONE, () => ({}), { audited: false }) } },
  // The token in the link is the right: any signed-in person holding it joins its group.
  "($lang).invitations.$token.tsx": route<string>({
    setup: (w) => w.invitationToken(),
    path: (_w, token) => `/invitations/${token}`,
    page: ANYONE,
    intents: { accept: can(SIGNED_IN, () => ({})) },
  }),
  // A group's registration papers: its members and staff; anyone else is told there is no such file.
  "($lang).documents.$documentId.ts": route<{ id: string }>({ setup: (w) => w.document(), path: (_w, document) => `/documents/${document.id}`, page: [...MEMBERS, ...STAFF], deniedWith: 404 }),
  // ───── payment providers' webhooks: the signature is the right, not a role ─────
  // Whatever session comes with it, an unsigned call is refused alike and changes nothing.
  "api.webhooks.stripe.ts": { path: () => "/api/webhooks/stripe", page: ANYONE, answer: 405, intents: { unsigned: can(ANYONE, () => ({}), { audited: false, answer: 400 }) } },
  "api.webhooks.omise.ts": { path: () => "/api/webhooks/omise", page: ANYONE, answer: 405, intents: { unsigned: can(ANYONE, () => ({}), { audited: false, answer: 400 }) } },

  "($lang).staff.outbox.tsx": {
    path: () => "/staff/outbox",
    page: STAFF,
    intents: {
      retry: can(STAFF, async (w) => ({ messageId: (await w.deadMessage()).id })),
    },
  },
};

/**
 * The built-in engine's document table: every indexed product under a numeric slot, with the
 * fields that filters, facets and sorts read kept in typed columns (category, province and group
 * interned to small numbers), so a broad query over 100k products touches arrays, not objects.
 * Slots only grow; a replaced or removed product leaves a dead slot until the engine compacts.
 */
import type { SearchDocument } from "../document.ts";
import { type SearchFacets, type SearchFilters, emptyFacets } from "../port.ts";

/** Flag bits of a slot; ALIVE is read directly by the matcher's inner loop. */
export const ALIVE = 1;
const IN_STOCK = 2;
const MADE_TO_ORDER = 4;
const SHIPS = 8;
const PICKUP = 16;

/** Strings ↔ small numbers, for the values many products share. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** Ids of known values; unknown values cannot match anything, so they are left out. */
  idsOf(values: readonly string[] | undefined): Set<number> | null {
    // An empty list is "no filter", the same as leaving the facet untouched in the UI.
    if (!values || values.length === 0) return null;
    const ids = new Set<number>();
    for (const value of values) {
      const id = this.ids.get(value);
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }
}

export class DocumentTable {
  docs: (SearchDocument | undefined)[] = [];
  private readonly slotBySlug = new Map<string, number>();
  private readonly categories = new Interner();
  private readonly provinces = new Interner();
  private readonly groups = new Interner();
  private readonly kinds = new Interner();
  private readonly certificationNames = new Interner();
  private capacity = 0;
  category = new Int32Array(0);
  province = new Int32Array(0);
  group = new Int32Array(0);
  /** The product type ("mudmee-silk"): what "the same kind of product" means for mixing groups. */
  kind = new Int32Array(0);
  price = new Float64Array(0);
  created = new Float64Array(0);
  flags = new Uint8Array(0);
  /** Certifications as bits (interned id < 32); ids past 31 (never seen so far) in `moreCertifications`. */
  certificationBits = new Uint32Array(0);
  private readonly moreCertifications = new Map<number, readonly number[]>();
  live = 0;
  /**
   * Each live slot's place in slug order, as a number, so that the tie-break every order ends on
   * (the slug, for stable pages) costs a subtraction instead of a string comparison: with many
   * equally ranked products, string comparisons were most of a broad query's time.
   */
  slugRank = new Float64Array(0);
  /** Live slugs in order, for placing a new slug between its neighbours. */
  private sortedSlugs: string[] = [];
  /** Ranks need a full rebuild (after a bulk build or when midpoints ran out of precision). */
  private ranksStale = false;
  private bulk = false;

  /** Slots used so far, dead ones included: the length of every column. */
  get size(): number {
    return this.docs.length;
  }

  private grow(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2, 1024);
    const widen = <T extends ArrayLike<number> & { set(values: ArrayLike<number>): void }>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.category = widen(this.category, (n) => new Int32Array(n));
    this.province = widen(this.province, (n) => new Int32Array(n));
    this.group = widen(this.group, (n) => new Int32Array(n));
    this.kind = widen(this.kind, (n) => new Int32Array(n));
    this.price = widen(this.price, (n) => new Float64Array(n));
    this.created = widen(this.created, (n) => new Float64Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.certificationBits = widen(this.certificationBits, (n) => new Uint32Array(n));
    this.slugRank = widen(this.slugRank, (n) => new Float64Array(n));
    this.capacity = capacity;
  }

  slotOf(slug: string): number | undefined {
    return this.slotBySlug.get(slug);
  }

  isAlive(slot: number): boolean {
    return (this.flags[slot] & ALIVE) !== 0;
  }

  /** A new slot for `doc`; the caller has removed any earlier version of it. */
  add(doc: SearchDocument): number {
    const slot = this.docs.length;
    this.grow(slot + 1);
    this.docs.push(doc);
    this.slotBySlug.set(doc.slug, slot);
    this.category[slot] = this.categories.id(doc.categorySlug);
    this.province[slot] = this.provinces.id(doc.provinceSlug);
    this.group[slot] = this.groups.id(doc.groupSlug);
    this.kind[slot] = this.kinds.id(doc.productType);
    this.price[slot] = doc.priceSatang;
    this.created[slot] = doc.createdAt;
    this.flags[slot] =
      ALIVE | (doc.inStock ? IN_STOCK : 0) | (doc.madeToOrder ? MADE_TO_ORDER : 0) | (doc.ships ? SHIPS : 0) | (doc.pickup ? PICKUP : 0);
    let bits = 0;
    const more: number[] = [];
    for (const name of new Set(doc.certifications)) {
      const id = this.certificationNames.id(name);
      if (id < 32) bits |= 1 << id;
      else more.push(id);
    }
    this.certificationBits[slot] = bits >>> 0;
    if (more.length > 0) this.moreCertifications.set(slot, more);
    this.live++;
    if (this.bulk || this.ranksStale) this.ranksStale = true;
    else this.placeRank(slot, doc.slug);
    return slot;
  }

  /**
   * Brackets a batch of adds and removes. A large batch places ranks once at the end (one sort)
   * instead of one insertion per document.
   */
  beginBatch(size: number): void {
    this.bulk = size >= 1_000;
  }

  endBatch(): void {
    this.bulk = false;
    if (this.ranksStale) this.rebuildRanks();
  }

  private lowerBound(slug: string): number {
    let low = 0;
    let high = this.sortedSlugs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedSlugs[middle] < slug) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private placeRank(slot: number, slug: string): void {
    const at = this.lowerBound(slug);
    const rankOf = (neighbour: string | undefined) => (neighbour === undefined ? undefined : this.slugRank[this.slotBySlug.get(neighbour)!]);
    const before = rankOf(this.sortedSlugs[at - 1]);
    const after = rankOf(this.sortedSlugs[at]);
    const rank = before === undefined ? (after === undefined ? 0 : after - 1) : after === undefined ? before + 1 : (before + after) / 2;
    this.sortedSlugs.splice(at, 0, slug);
    this.slugRank[slot] = rank;
    if ((before !== undefined && rank <= before) || (after !== undefined && rank >= after)) this.rebuildRanks();
  }

  private rebuildRanks(): void {
    const slots: number[] = [];
    for (let slot = 0; slot < this.size; slot++) if (this.isAlive(slot)) slots.push(slot);
    const docs = this.docs;
    slots.sort((a, b) => (docs[a]!.slug < docs[b]!.slug ? -1 : 1));
    this.sortedSlugs = slots.map((slot, index) => {
      this.slugRank[slot] = index;
      return docs[slot]!.slug;
    });
    this.ranksStale = false;
  }

  /** Marks the slot dead and returns its document, or undefined when the slug is not indexed. */
  remove(slug: string): { slot: number; doc: SearchDocument } | undefined {
    const slot = this.slotBySlug.get(slug);
    if (slot === undefined) return undefined;
    const doc = this.docs[slot]!;
    this.slotBySlug.delete(slug);
    this.flags[slot] &= ~ALIVE;
    this.docs[slot] = undefined;
    this.moreCertifications.delete(slot);
    this.live--;
    if (!this.bulk && !this.ranksStale) {
      const at = this.lowerBound(slug);
      if (this.sortedSlugs[at] === slug) this.sortedSlugs.splice(at, 1);
    } else {
      this.ranksStale = true;
    }
    return { slot, doc };
  }

  /** Renumbers the live slots from 0 in their current order; returns old slot → new slot (-1 if dead). */
  compact(): Int32Array {
    const remap = new Int32Array(this.size).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.size; slot++) {
      if (!this.isAlive(slot)) continue;
      remap[slot] = next;
      if (next !== slot) {
        this.docs[next] = this.docs[slot];
        this.category[next] = this.category[slot];
        this.province[next] = this.province[slot];
        this.group[next] = this.group[slot];
        this.kind[next] = this.kind[slot];
        this.price[next] = this.price[slot];
        this.created[next] = this.created[slot];
        this.flags[next] = this.flags[slot];
        this.certificationBits[next] = this.certificationBits[slot];
        this.slugRank[next] = this.slugRank[slot];
        const more = this.moreCertifications.get(slot);
        this.moreCertifications.delete(slot);
        if (more) this.moreCertifications.set(next, more);
        this.slotBySlug.set(this.docs[next]!.slug, next);
      }
      next++;
    }
    this.docs.length = next;
    this.flags.fill(0, next);
    return remap;
  }

  clear(): void {
    this.docs = [];
    this.sortedSlugs = [];
    this.ranksStale = false;
    this.moreCertifications.clear();
    this.slotBySlug.clear();
    this.flags.fill(0);
    this.live = 0;
  }

  private hasCertification(slot: number, ids: ReadonlySet<number>, bits: number): boolean {
    if ((this.certificationBits[slot] & bits) !== 0) return true;
    const more = this.moreCertifications.get(slot);
    return more !== undefined && more.some((id) => ids.has(id));
  }

  /** A test for live slots matching every given filter; unknown values match nothing. */
  filterPredicate(filters: SearchFilters): (slot: number) => boolean {
    const categories = this.categories.idsOf(filters.category);
    const provinces = this.provinces.idsOf(filters.province);
    const certifications = this.certificationNames.idsOf(filters.certification);
    let certificationBits = 0;
    for (const id of certifications ?? []) if (id < 32) certificationBits |= 1 << id;
    const pickupProvince = filters.pickupIn === undefined ? undefined : this.provinces.idsOf([filters.pickupIn]);
    const { availability, priceMinSatang: min, priceMaxSatang: max } = filters;
    let required = ALIVE;
    if (availability === "ready") required |= IN_STOCK;
    if (availability === "made-to-order") required |= MADE_TO_ORDER;
    if (filters.ships) required |= SHIPS;
    if (pickupProvince) required |= PICKUP;
    return (slot) =>
      (this.flags[slot] & required) === required &&
      (!categories || categories.has(this.category[slot])) &&
      (!provinces || provinces.has(this.province[slot])) &&
      (!pickupProvince || pickupProvince.has(this.province[slot])) &&
      (!certifications || this.hasCertification(slot, certifications, certificationBits)) &&
      (min === undefined || this.price[slot] >= min) &&
      (max === undefined || this.price[slot] <= max);
  }

  /** Facet counts and price range over the given slots. */
  facetsOf(slots: Int32Array, count: number): { facets: SearchFacets; priceRange: { min: number; max: number } | null } {
    const categoryCounts = new Int32Array(this.categories.values.length);
    const provinceCounts = new Int32Array(this.provinces.values.length);
    const certificationCounts = new Int32Array(Math.max(32, this.certificationNames.values.length));
    const { category, province, flags, price, certificationBits } = this;
    let ready = 0;
    let madeToOrder = 0;
    let ships = 0;
    let pickup = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      categoryCounts[category[slot]]++;
      provinceCounts[province[slot]]++;
      for (let bits = certificationBits[slot]; bits !== 0; bits &= bits - 1) certificationCounts[31 - Math.clz32(bits & -bits)]++;
      const flag = flags[slot];
      if (flag & IN_STOCK) ready++;
      if (flag & MADE_TO_ORDER) madeToOrder++;
      if (flag & SHIPS) ships++;
      if (flag & PICKUP) pickup++;
      const amount = price[slot];
      if (amount < min) min = amount;
      if (amount > max) max = amount;
    }
    if (this.moreCertifications.size > 0) {
      for (let i = 0; i < count; i++) for (const id of this.moreCertifications.get(slots[i]) ?? []) certificationCounts[id]++;
    }
    const record = (counts: Int32Array, names: readonly string[]) => {
      const out: Record<string, number> = {};
      for (let id = 0; id < names.length; id++) if (counts[id] > 0) out[names[id]] = counts[id];
      return out;
    };
    const facets = emptyFacets();
    facets.category = record(categoryCounts, this.categories.values);
    facets.province = record(provinceCounts, this.provinces.values);
    facets.certification = record(certificationCounts, this.certificationNames.values);
    facets.availability = { ready, "made-to-order": madeToOrder };
    facets.delivery = { ships, pickup };
    return { facets, priceRange: count > 0 ? { min, max } : null };
  }
}

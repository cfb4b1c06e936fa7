/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that every demo, fixture and benchmark data set is
 * reproducible from one number. Math.random is never used: a fixture that changes between runs cannot fail
 * a test reliably.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over the key's text, folded with the seed; used to derive independent streams by name. */
export function hashKey(seed: number, ...keys: readonly (string | number)[]): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  h = Math.imul(h ^ (seed / 0x100000000), 0x01000193) >>> 0;
  for (const key of keys) {
    const text = typeof key === "number" ? `#${key}` : key;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ 0xff, 0x01000193) >>> 0;
  }
  return h;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const next = splitmix32(Math.trunc(seed) ^ Math.trunc(seed / 0x100000000));
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // sfc32 needs a few rounds before nearby seeds stop producing correlated first outputs.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream for a named purpose, so adding draws elsewhere does not shift this one. */
  static derive(seed: number, ...keys: readonly (string | number)[]): Random {
    return new Random(hashKey(seed, ...keys));
  }

  /** A child stream seeded from this one's next output and a label. */
  fork(label: string | number): Random {
    return new Random(hashKey(this.uint32(), label));
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.float() * maxExclusive);
  }

  /** Uniform integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Normal deviate (Box–Muller); only basic Math functions, which V8 computes identically on every platform. */
  normal(mean = 0, standardDeviation = 1): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A string of `length` decimal digits. */
  digits(length: number): string {
    let text = "";
    for (let i = 0; i < length; i++) text += String.fromCharCode(48 + this.int(10));
    return text;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  }
}

/** Draws items in proportion to their weights in O(log n) per draw. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new RangeError("a weighted table needs at least one positive weight");
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  draw(rng: Random): T {
    const target = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/**
 * Weights by rank (1/rank^exponent): lists written most-popular-first then behave like real name registers,
 * where a handful of names cover a large share of people.
 */
export function zipfTable<T>(itemsByPopularity: readonly T[], exponent = 1): WeightedTable<T> {
  return new WeightedTable(
    itemsByPopularity.map((item, rank) => [item, 1 / (rank + 1) ** exponent] as const),
  );
}

/**
 * Seeded pseudo-random numbers for reproducible bootstrap resampling (and sample draws).
 * mulberry32: 32-bit state, fast, good enough statistical quality for resampling; the same
 * seed gives the same sequence on every machine because it uses only 32-bit integer ops.
 */
export type Rng = () => number;

/** Returns a generator of floats in [0, 1). Any finite number is a valid seed. */
export function mulberry32(seed: number): Rng {
  let state = seedToUint32(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n) from a generator. */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Folds any finite number (also fractions and negatives) into a 32-bit seed. */
function seedToUint32(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (Number.isInteger(seed) && Math.abs(seed) < 2 ** 53) {
    // Mix high and low halves so seeds above 2^32 still differ.
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
  }
  const s = String(seed);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

import { mulberry32, randomIndex, type Rng } from './agreement/rng';

/**
 * Drawing the sample of a blind double-labeling round (product.md capability 6): a count or
 * a fraction of the candidates, at random or stratified, always from a seed so that the same
 * candidates and the same seed give the same sample on every machine.
 *
 * Stratified draws use proportional allocation with largest-remainder rounding:
 *
 *   stratum   size  exact share (n = 10 of 40)  floor  remainder  final
 *   line A     24        6.0                      6      0.0        6
 *   line B     13        3.25                     3      0.25       3
 *   line C      3        0.75                     0      0.75    -> 1
 *
 * then every stratum that got nothing gets one, when the sample is large enough for one per
 * stratum, taken from the strata with the most items to spare (largest allocation first).
 */

export type SampleSize = { count: number } | { fraction: number };

export interface SampleCandidate {
  id: number;
  /** The stratum key; ignored by a random draw. Null is a stratum of its own ("(none)"). */
  stratum?: string | null;
}

export interface SampleOptions {
  size: SampleSize;
  seed: number;
  stratified: boolean;
}

export interface StratumAllocation {
  stratum: string | null;
  available: number;
  drawn: number;
}

export interface SampleResult {
  /** Drawn ids, in draw order (random order within the sample). */
  ids: number[];
  /** One row per stratum (a single null-keyed row for a random draw), largest first. */
  strata: StratumAllocation[];
}

/** How many items a size asks for out of `available` (fractions round half up, at least 1). */
export function targetCount(size: SampleSize, available: number): number {
  if ('count' in size) {
    if (!Number.isInteger(size.count) || size.count < 1) {
      throw new RangeError(`sample size must be a whole number of at least 1, got ${size.count}`);
    }
    return Math.min(size.count, available);
  }
  if (!(size.fraction > 0 && size.fraction <= 1)) {
    throw new RangeError(`sample fraction must be above 0 and at most 1, got ${size.fraction}`);
  }
  if (available === 0) return 0;
  return Math.min(available, Math.max(1, Math.round(size.fraction * available)));
}

/** Fisher-Yates shuffle of a copy, driven by the seeded generator. */
export function seededShuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/**
 * Proportional allocation of `n` over strata sizes with largest-remainder rounding, then at
 * least one per non-empty stratum when n allows it. Ties in remainders go to the larger
 * stratum, then to the earlier one, so the result never depends on chance.
 */
export function allocate(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((s, x) => s + x, 0);
  const alloc = sizes.map(() => 0);
  if (total === 0 || n <= 0) return alloc;
  const want = Math.min(n, total);
  const exact = sizes.map((s) => (s * want) / total);
  for (let i = 0; i < sizes.length; i++) alloc[i] = Math.min(sizes[i]!, Math.floor(exact[i]!));
  let left = want - alloc.reduce((s, x) => s + x, 0);
  const byRemainder = sizes
    .map((_, i) => i)
    .sort(
      (a, b) =>
        exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) ||
        sizes[b]! - sizes[a]! ||
        a - b,
    );
  // The fractional parts sum to `left`, so the strata with a positive remainder (which all
  // have room: floor < exact <= size) absorb it one each.
  for (const i of byRemainder) {
    if (left === 0) break;
    if (alloc[i]! < sizes[i]!) {
      alloc[i]!++;
      left--;
    }
  }
  const nonEmpty = sizes.filter((s) => s > 0).length;
  if (want >= nonEmpty) {
    for (let i = 0; i < sizes.length; i++) {
      if (sizes[i]! === 0 || alloc[i]! > 0) continue;
      // Take one from the stratum with the largest allocation that can spare it (> 1).
      let donor = -1;
      for (let j = 0; j < sizes.length; j++) {
        if (alloc[j]! > 1 && (donor < 0 || alloc[j]! > alloc[donor]!)) donor = j;
      }
      if (donor < 0) break;
      alloc[donor]!--;
      alloc[i] = 1;
    }
  }
  return alloc;
}

const compareKeys = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Draws the sample. Candidates are taken in id order first, so input order never matters. */
export function drawSample(
  candidates: readonly SampleCandidate[],
  options: SampleOptions,
): SampleResult {
  const rng = mulberry32(options.seed);
  const sorted = candidates.slice().sort((a, b) => a.id - b.id);
  const n = targetCount(options.size, sorted.length);
  if (!options.stratified) {
    const ids = seededShuffle(
      sorted.map((c) => c.id),
      rng,
    ).slice(0, n);
    return { ids, strata: [{ stratum: null, available: sorted.length, drawn: ids.length }] };
  }
  const groups = new Map<string | null, number[]>();
  for (const c of sorted) {
    const key = c.stratum ?? null;
    const g = groups.get(key);
    if (g) g.push(c.id);
    else groups.set(key, [c.id]);
  }
  const keys = [...groups.keys()].sort(compareKeys);
  const sizes = keys.map((k) => groups.get(k)!.length);
  const alloc = allocate(sizes, n);
  const drawn: number[] = [];
  const strata: StratumAllocation[] = [];
  keys.forEach((key, i) => {
    // Each stratum is shuffled in turn from the one generator: deterministic for a seed.
    const picked = seededShuffle(groups.get(key)!, rng).slice(0, alloc[i]!);
    drawn.push(...picked);
    strata.push({ stratum: key, available: sizes[i]!, drawn: picked.length });
  });
  strata.sort((a, b) => b.available - a.available || compareKeys(a.stratum, b.stratum));
  // Interleave the strata in a seeded order, so a queue does not show one stratum after another.
  return { ids: seededShuffle(drawn, rng), strata };
}

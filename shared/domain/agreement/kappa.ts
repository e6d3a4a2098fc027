/**
 * Cohen's kappa for two raters and nominal values:
 *   kappa = (p_o - p_e) / (1 - p_e),
 *   p_o = share of items with equal values, p_e = sum_k (a_k / n) * (b_k / n)
 * where a_k, b_k count rater A's and B's items in category k. Only items both raters rated
 * count (an item one of them left untagged is missing, not a disagreement).
 *
 * Kappa is undefined (null, "n/a") with no items, and when p_e = 1, i.e. both raters used the
 * same single category throughout: agreement by chance alone is then certain (this is the
 * well-known "kappa paradox"; the report shows n/a rather than a misleading 0 or 1).
 */
export interface KappaResult {
  kappa: number | null;
  /** Items both raters rated. */
  items: number;
}

export function cohenKappa(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
): KappaResult {
  if (a.length !== b.length) {
    throw new RangeError(`rater value lists differ in length (${a.length} vs ${b.length})`);
  }
  const category = new Map<string, number>();
  const idx = (v: string) => {
    let k = category.get(v);
    if (k === undefined) {
      k = category.size;
      category.set(v, k);
    }
    return k;
  };
  const aCounts: number[] = [];
  const bCounts: number[] = [];
  let n = 0;
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    const va = a[i];
    const vb = b[i];
    if (va === null || va === undefined || vb === null || vb === undefined) continue;
    const ka = idx(va);
    const kb = idx(vb);
    aCounts[ka] = (aCounts[ka] ?? 0) + 1;
    bCounts[kb] = (bCounts[kb] ?? 0) + 1;
    n++;
    if (va === vb) agree++;
  }
  const size = category.size;
  const fill = (xs: number[]) => Array.from({ length: size }, (_, k) => xs[k] ?? 0);
  return { kappa: kappaFromCounts(n, agree, fill(aCounts), fill(bCounts)), items: n };
}

/**
 * Kappa from sufficient statistics (used by the bootstrap, which re-sums them per resample):
 * n items, `agree` items with equal values, per-category counts of each rater.
 */
export function kappaFromCounts(
  n: number,
  agree: number,
  aCounts: ArrayLike<number>,
  bCounts: ArrayLike<number>,
): number | null {
  if (n <= 0) return null;
  let pe = 0;
  for (let k = 0; k < aCounts.length; k++) pe += (aCounts[k]! / n) * (bCounts[k]! / n);
  // Float sums of shares can land a hair off 1 when one category holds everything.
  if (pe >= 1 - 1e-12) return null;
  const po = agree / n;
  return (po - pe) / (1 - pe);
}

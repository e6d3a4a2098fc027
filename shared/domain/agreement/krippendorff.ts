/**
 * Krippendorff's alpha for nominal data in the coincidence-matrix form (Krippendorff, 2011,
 * "Computing Krippendorff's Alpha-Reliability"), any number of coders, missing values allowed.
 *
 * For each unit u with m_u >= 2 values (units with fewer are not pairable and are dropped),
 * each ordered pair of values from different coders adds 1 / (m_u - 1) to the coincidence
 * o_ck. With n_c = sum_k o_ck and n = sum_c n_c (the number of pairable values):
 *
 *   alpha = 1 - D_o / D_e = 1 - (n - 1) * (n - sum_c o_cc) / (n^2 - sum_c n_c^2)
 *
 * alpha is undefined (null) when n < 2 or when all pairable values fall in one category
 * (D_e = 0): there is no variation to be reliable about.
 */

/** One unit's contribution, so resampling can re-sum units without recounting. */
export interface UnitContribution {
  /** Pairable values m_u (0 when the unit has fewer than 2 values). */
  values: number;
  /** sum_c o_cc contributed by this unit: sum_c m_uc (m_uc - 1) / (m_u - 1). */
  agreement: number;
  /** m_uc per category present in the unit (empty when not pairable). */
  categoryCounts: Map<string, number>;
}

export function unitContribution(values: readonly (string | null)[]): UnitContribution {
  const counts = new Map<string, number>();
  let m = 0;
  for (const v of values) {
    if (v === null) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    m++;
  }
  if (m < 2) return { values: 0, agreement: 0, categoryCounts: new Map() };
  let agreement = 0;
  for (const c of counts.values()) agreement += (c * (c - 1)) / (m - 1);
  return { values: m, agreement, categoryCounts: counts };
}

/** alpha from sufficient statistics: n pairable values, sum_c o_cc, and every n_c. */
export function alphaFromSums(
  n: number,
  observedAgreement: number,
  categoryTotals: Iterable<number>,
): number | null {
  if (n < 2) return null;
  let sumSquares = 0;
  for (const nc of categoryTotals) sumSquares += nc * nc;
  const expected = n * n - sumSquares;
  if (expected <= 1e-9 * n * n) return null;
  return 1 - ((n - 1) * (n - observedAgreement)) / expected;
}

export interface AlphaResult {
  alpha: number | null;
  /** Pairable units (with at least two values). */
  units: number;
  /** Pairable values n. */
  values: number;
}

/** units[u][coder] = value or null (missing). Coders need not be the same for every unit. */
export function krippendorffAlphaNominal(
  units: readonly (readonly (string | null)[])[],
): AlphaResult {
  let n = 0;
  let observed = 0;
  let pairable = 0;
  const totals = new Map<string, number>();
  for (const unit of units) {
    const c = unitContribution(unit);
    if (c.values === 0) continue;
    pairable++;
    n += c.values;
    observed += c.agreement;
    for (const [cat, count] of c.categoryCounts) totals.set(cat, (totals.get(cat) ?? 0) + count);
  }
  return { alpha: alphaFromSums(n, observed, totals.values()), units: pairable, values: n };
}

/** The coincidence matrix itself (categories sorted), for inspection and tests. */
export function coincidenceMatrix(units: readonly (readonly (string | null)[])[]): {
  categories: string[];
  o: number[][];
} {
  const cats = new Set<string>();
  for (const unit of units) for (const v of unit) if (v !== null) cats.add(v);
  const categories = [...cats].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const o = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const unit of units) {
    const vs = unit.filter((v): v is string => v !== null);
    if (vs.length < 2) continue;
    for (let i = 0; i < vs.length; i++) {
      for (let j = 0; j < vs.length; j++) {
        if (i === j) continue;
        o[index.get(vs[i]!)!]![index.get(vs[j]!)!]! += 1 / (vs.length - 1);
      }
    }
  }
  return { categories, o };
}

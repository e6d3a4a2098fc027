import { mulberry32 } from './rng';

/**
 * Percentile bootstrap over items, for figures that are functions of per-item sums.
 *
 * Every agreement figure here (F1, kappa, alpha, per class or overall) depends on the items
 * only through sums of per-item contributions: F1 = 2 * sum(agreements) / sum(nA + nB), and
 * so on. So the items are compared once, their contributions stored as columns, and each
 * resample is just: draw n item indices with replacement, multiply each item's row by how
 * often it was drawn, add up, evaluate. No matching is redone per resample.
 */
export interface BootstrapFigure {
  /** Per-item contributions; every column has one entry per item (0 where it does not apply). */
  columns: readonly Float64Array[];
  /** The figure from column sums (in column order); null where it is undefined. */
  value: (sums: Float64Array) => number | null;
}

export interface BootstrapOptions {
  /** Resamples; 0 turns the bootstrap off (every interval is null). */
  samples: number;
  seed: number;
}

/** [low, high] of the 95% percentile interval. */
export type Ci95 = [number, number];

/**
 * 95% percentile intervals (2.5th and 97.5th percentiles, linear interpolation between order
 * statistics) of each figure over `samples` resamples of the items. Resamples in which a
 * figure is undefined (e.g. no box of that class was drawn) are left out of its interval;
 * a figure undefined in every resample gets null. All figures share the same resamples.
 */
export function bootstrapCi95(
  itemCount: number,
  figures: readonly BootstrapFigure[],
  options: BootstrapOptions,
): Array<Ci95 | null> {
  const samples = Math.floor(options.samples);
  if (samples <= 0 || itemCount === 0 || figures.length === 0) return figures.map(() => null);

  // Distinct columns: figures may share them (a mean over pairs reuses each pair's columns).
  const columnIndex = new Map<Float64Array, number>();
  const columns: Float64Array[] = [];
  const figureColumns = figures.map((f) =>
    Int32Array.from(f.columns, (col) => {
      if (col.length !== itemCount) {
        throw new RangeError(`bootstrap column has ${col.length} entries, expected ${itemCount}`);
      }
      let k = columnIndex.get(col);
      if (k === undefined) {
        k = columns.length;
        columnIndex.set(col, k);
        columns.push(col);
      }
      return k;
    }),
  );
  const width = columns.length;
  // Sparse rows (compressed sparse row): an item touches only the classes drawn on it, so
  // most per-class columns are 0 for most items.
  const rowStart = new Int32Array(itemCount + 1);
  for (const col of columns) {
    for (let i = 0; i < itemCount; i++) if (col[i] !== 0) rowStart[i + 1]!++;
  }
  for (let i = 0; i < itemCount; i++) rowStart[i + 1]! += rowStart[i]!;
  const nonZeros = rowStart[itemCount]!;
  const colOf = new Int32Array(nonZeros);
  const valueOf = new Float64Array(nonZeros);
  const fill = rowStart.slice(0, itemCount);
  columns.forEach((col, k) => {
    for (let i = 0; i < itemCount; i++) {
      const x = col[i]!;
      if (x === 0) continue;
      const p = fill[i]!++;
      colOf[p] = k;
      valueOf[p] = x;
    }
  });

  const sums = new Float64Array(width);
  const figureSums = figures.map((f) => new Float64Array(f.columns.length));
  const values = figures.map(() => new Float64Array(samples));
  const defined = new Int32Array(figures.length);
  const counts = new Int32Array(itemCount);
  const rng = mulberry32(options.seed);

  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let d = 0; d < itemCount; d++) counts[Math.floor(rng() * itemCount)]!++;
    sums.fill(0);
    for (let i = 0; i < itemCount; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      const end = rowStart[i + 1]!;
      for (let p = rowStart[i]!; p < end; p++) sums[colOf[p]!]! += c * valueOf[p]!;
    }
    for (let fi = 0; fi < figures.length; fi++) {
      const own = figureSums[fi]!;
      const cols = figureColumns[fi]!;
      for (let k = 0; k < cols.length; k++) own[k] = sums[cols[k]!]!;
      const v = figures[fi]!.value(own);
      if (v !== null && Number.isFinite(v)) values[fi]![defined[fi]!++] = v;
    }
  }

  return values.map((vs, fi) => {
    const n = defined[fi]!;
    if (n === 0) return null;
    const sorted = vs.subarray(0, n).sort();
    return [percentile(sorted, 0.025), percentile(sorted, 0.975)];
  });
}

/** Quantile q of ascending values, linear interpolation between order statistics (R type 7). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentile of no values');
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The figure on all items (every item counted once): the point estimate. */
export function figureOnAllItems(figure: BootstrapFigure): number | null {
  const sums = new Float64Array(figure.columns.length);
  figure.columns.forEach((col, k) => {
    let s = 0;
    for (let i = 0; i < col.length; i++) s += col[i]!;
    sums[k] = s;
  });
  return figure.value(sums);
}

/** Small, pure helpers for the SVG charts of the Agreement screen (no chart library). */

export type Ci = [number, number] | null;

/** Maps [d0, d1] onto [r0, r1] linearly; a zero-width domain maps to r0. */
export function scaleLinear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0;
  return (x) => (span === 0 ? r0 : r0 + ((x - d0) / span) * (r1 - r0));
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** "0.41", "n/a" for undefined figures. */
export function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits);
}

export function fmtCi(ci: Ci, digits = 2): string {
  return ci ? `${ci[0].toFixed(digits)}–${ci[1].toFixed(digits)}` : '';
}

/** A whole number when it is one, one decimal otherwise (means over pairs are fractional). */
export function fmtCount(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US') : x.toFixed(1);
}

/** "1 item", "2 items", "1 matched pair": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${fmtCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * Fill colour of an F1 (or kappa) value: red below 0.5, amber to 0.8, green above, so the
 * classes that need instructions work stand out.
 */
export function qualityColor(x: number | null): string {
  if (x === null) return '#c3c8d1';
  if (x < 0.5) return '#d64550';
  if (x < 0.8) return '#e09a2d';
  return '#2f9e62';
}

/**
 * Heat-map cell colour for `count` out of the largest cell `max`: agreements (the diagonal)
 * in green, disagreements in red, with intensity growing like a square root so single
 * conflicts are still visible next to hundreds of agreements.
 */
export function heatColor(count: number, max: number, diagonal: boolean): string {
  if (count <= 0 || max <= 0) return '#f7f8fa';
  const t = Math.sqrt(count / max);
  const [r, g, b] = diagonal ? [47, 158, 98] : [214, 69, 80];
  const mix = (c: number) => Math.round(255 + (c - 255) * (0.15 + 0.85 * t));
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** Text colour that stays readable on a heat cell. */
export function heatTextColor(count: number, max: number): string {
  return max > 0 && Math.sqrt(count / max) > 0.55 ? '#ffffff' : '#1b2130';
}

/** Truncates long class names for axis labels, keeping the start. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * Columns for `count` headline cards: one row up to five, else two balanced rows (8 -> 4 + 4,
 * 7 -> 4 + 3), so no card is ever left alone on a row whatever the window width.
 */
export function cardColumns(count: number): number {
  return count <= 5 ? count : Math.ceil(count / 2);
}

/** "1 item left out", "3 items left out". */
export function leftOutText(leftOut: { items: number }): string {
  return `${countOf(leftOut.items, 'item')} left out`;
}

/**
 * Horizontal offsets (px) for markers drawn at one x: markers whose y positions are within
 * `tolerance` px of each other would hide one another, so each such group is spread
 * symmetrically around x, `step` px apart. Null entries (nothing drawn) get 0.
 */
export function coincidentOffsets(
  ys: ReadonlyArray<number | null>,
  tolerance = 4,
  step = 7,
): number[] {
  const out = ys.map(() => 0);
  const order = ys
    .map((y, i) => ({ y, i }))
    .filter((e): e is { y: number; i: number } => e.y !== null)
    .sort((a, b) => a.y - b.y || a.i - b.i);
  let group: number[] = [];
  const flush = () => {
    const sorted = [...group].sort((a, b) => a - b);
    sorted.forEach((i, k) => (out[i] = (k - (sorted.length - 1) / 2) * step));
    group = [];
  };
  for (const [k, e] of order.entries()) {
    if (k > 0 && e.y - order[k - 1]!.y > tolerance) flush();
    group.push(e.i);
  }
  flush();
  return out;
}

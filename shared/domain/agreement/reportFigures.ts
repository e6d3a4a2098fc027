import type {
  BoxAgreementSummary,
  ClassAgreement,
  TranscriptAgreementSummary,
} from '../../api/schemas/agreement';
import type { BootstrapFigure } from './bootstrap';
import { f1Score, type ClassCounts } from './boxAgreement';
import { alphaFromSums } from './krippendorff';
import { kappaFromCounts } from './kappa';

/**
 * Bootstrap figures (per-item contribution columns + the formula over their sums) and the
 * small summary helpers the report is assembled from.
 */

/** F1 = 2 * sum(agreements) / sum(nA + nB). */
export function f1Figure(agreements: Float64Array, boxes: Float64Array): BootstrapFigure {
  return {
    columns: [agreements, boxes],
    value: (s) => (s[1]! > 0 ? (2 * s[0]!) / s[1]! : null),
  };
}

/** Mean IoU = sum(IoU of agreement pairs) / sum(agreements). */
export function ratioFigure(numerator: Float64Array, denominator: Float64Array): BootstrapFigure {
  return {
    columns: [numerator, denominator],
    value: (s) => (s[1]! > 0 ? s[0]! / s[1]! : null),
  };
}

/** Mean over the parts that are defined (the top-level figure with more than two labelers). */
export function meanFigure(parts: readonly BootstrapFigure[]): BootstrapFigure {
  const widths = parts.map((p) => p.columns.length);
  let viewsOf: Float64Array | null = null;
  let views: Float64Array[] = [];
  return {
    columns: parts.flatMap((p) => p.columns),
    value: (s) => {
      if (s !== viewsOf) {
        // The bootstrap passes the same buffer every time: slice it once.
        let off = 0;
        views = widths.map((w) => {
          const v = s.subarray(off, off + w);
          off += w;
          return v;
        });
        viewsOf = s;
      }
      return meanOfDefined(parts.map((p, k) => p.value(views[k]!)));
    },
  };
}

/**
 * Cohen's kappa of one pair. `a[i]`, `b[i]`: category index of each labeler's tag value on
 * compared item i, -1 when missing. Columns: both tagged, equal, then per category A's and
 * B's one-hot counts.
 */
export function kappaFigure(a: Int32Array, b: Int32Array): BootstrapFigure {
  const local = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 0 || b[i]! < 0) continue;
    if (!local.has(a[i]!)) local.set(a[i]!, local.size);
    if (!local.has(b[i]!)) local.set(b[i]!, local.size);
  }
  const k = local.size;
  const n = a.length;
  const both = new Float64Array(n);
  const agree = new Float64Array(n);
  const aCols = Array.from({ length: k }, () => new Float64Array(n));
  const bCols = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    if (a[i]! < 0 || b[i]! < 0) continue;
    both[i] = 1;
    if (a[i] === b[i]) agree[i] = 1;
    aCols[local.get(a[i]!)!]![i] = 1;
    bCols[local.get(b[i]!)!]![i] = 1;
  }
  return {
    columns: [both, agree, ...aCols, ...bCols],
    value: (s) => kappaFromCounts(s[0]!, s[1]!, s.subarray(2, 2 + k), s.subarray(2 + k)),
  };
}

/**
 * Krippendorff's alpha (nominal). `values[i]`: the category indices of every labeler's value
 * on compared item i (missing ones left out). Columns: pairable values m_u, agreement
 * sum_c m_uc (m_uc - 1) / (m_u - 1), then m_uc per category.
 */
export function alphaFigure(values: readonly (readonly number[])[]): BootstrapFigure {
  const local = new Map<number, number>();
  for (const unit of values) {
    if (unit.length < 2) continue;
    for (const c of unit) if (!local.has(c)) local.set(c, local.size);
  }
  const n = values.length;
  const m = new Float64Array(n);
  const agreement = new Float64Array(n);
  const cats = Array.from({ length: local.size }, () => new Float64Array(n));
  values.forEach((unit, i) => {
    const mu = unit.length;
    if (mu < 2) return;
    m[i] = mu;
    let agr = 0;
    for (let x = 0; x < mu; x++) {
      const c = unit[x]!;
      let count = 0;
      let firstAt = -1;
      for (let y = 0; y < mu; y++) {
        if (unit[y] !== c) continue;
        if (firstAt < 0) firstAt = y;
        count++;
      }
      if (firstAt !== x) continue; // each category once, at its first occurrence
      agr += (count * (count - 1)) / (mu - 1);
      cats[local.get(c)!]![i] = count;
    }
    agreement[i] = agr;
  });
  return {
    columns: [m, agreement, ...cats],
    value: (s) => alphaFromSums(s[0]!, s[1]!, s.subarray(2)),
  };
}

export function meanOfDefined(xs: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const x of xs) {
    if (x === null) continue;
    sum += x;
    n++;
  }
  return n > 0 ? sum / n : null;
}

export function mean(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

/** Worst first: lowest F1, n/a last; ties: more boxes first (more evidence), then name, id. */
export function sortWorstFirst(rows: ClassAgreement[]): ClassAgreement[] {
  return rows.sort((x, y) => {
    if (x.f1 === null || y.f1 === null) {
      if (x.f1 !== y.f1) return x.f1 === null ? 1 : -1;
    } else if (x.f1 !== y.f1) {
      return x.f1 - y.f1;
    }
    const boxes = y.nA + y.nB - (x.nA + x.nB);
    if (boxes !== 0) return boxes;
    return (
      x.class.localeCompare(y.class) || (x.classId < y.classId ? -1 : x.classId > y.classId ? 1 : 0)
    );
  });
}

export function classRow(
  classId: string,
  name: string,
  counts: ClassCounts,
  items: number,
  f1: number | null = f1Score(counts.agreements, counts.nA, counts.nB),
): ClassAgreement {
  return { classId, class: name, ...counts, f1, ci95: null, items };
}

/** Mean over pairs of box summaries (top level with more than two labelers). */
export function meanBoxes(
  parts: readonly BoxAgreementSummary[],
  perClass: ClassAgreement[],
  items: number,
  itemsWith: { agreement: number; conflict: number; onlyA: number; onlyB: number },
): BoxAgreementSummary {
  const m = (f: (b: BoxAgreementSummary) => number) => mean(parts.map(f));
  return {
    f1: meanOfDefined(parts.map((b) => b.f1)),
    f1Ci95: null,
    items,
    meanIoU: meanOfDefined(parts.map((b) => b.meanIoU)),
    meanIoUCi95: null,
    meanIoUItems: itemsWith.agreement,
    nA: m((b) => b.nA),
    nB: m((b) => b.nB),
    agreements: m((b) => b.agreements),
    classConflicts: m((b) => b.classConflicts),
    onlyA: m((b) => b.onlyA),
    onlyB: m((b) => b.onlyB),
    conflictItems: itemsWith.conflict,
    onlyAItems: itemsWith.onlyA,
    onlyBItems: itemsWith.onlyB,
    perClass,
  };
}

export function meanTranscripts(
  parts: readonly TranscriptAgreementSummary[],
  items: number,
): TranscriptAgreementSummary {
  const used = parts.filter((p) => p.items > 0);
  const m = (f: (t: TranscriptAgreementSummary) => number) => mean(used.map(f));
  return {
    wer: meanOfDefined(used.map((t) => t.wer)),
    cer: meanOfDefined(used.map((t) => t.cer)),
    boundaryDeviationMs: meanOfDefined(used.map((t) => t.boundaryDeviationMs)),
    items,
    words: m((t) => t.words),
    wordEdits: m((t) => t.wordEdits),
    chars: m((t) => t.chars),
    charEdits: m((t) => t.charEdits),
    matchedSegments: m((t) => t.matchedSegments),
  };
}

import { matchBoxes, type BoxMatch, type ClassedBox } from './matchBoxes';

/** Counts for one class (or all boxes), as in product.md's per-class report. */
export interface ClassCounts {
  nA: number;
  nB: number;
  /** Matched pairs where both labelers chose this class. */
  agreements: number;
}

/** One off-diagonal confusion cell: class of A vs class of B, null = no box (unmatched). */
export interface ConfusionCell {
  a: string | null;
  b: string | null;
  count: number;
}

/** Box agreement between two labelers on one item. */
export interface ItemBoxComparison {
  match: BoxMatch;
  nA: number;
  nB: number;
  agreements: number;
  classConflicts: number;
  onlyA: number;
  onlyB: number;
  /** Sum of IoU over agreement pairs (mean IoU is over agreement pairs only). */
  agreementIoUSum: number;
  /** Every class that occurs in either labeler's boxes, in order of first occurrence (A, then B). */
  perClass: Map<string, ClassCounts>;
  /** Disagreements only: class conflicts (a -> b), only-A (a -> null), only-B (null -> b). */
  confusion: ConfusionCell[];
  /** No class conflict and no unmatched box; two empty items agree. */
  fullAgreement: boolean;
}

/** Symmetric F1 = 2 * agreements / (nA + nB); null ("n/a") when both labelers drew nothing. */
export function f1Score(agreements: number, nA: number, nB: number): number | null {
  const n = nA + nB;
  return n > 0 ? (2 * agreements) / n : null;
}

export function compareItemBoxes(
  a: readonly ClassedBox[],
  b: readonly ClassedBox[],
  t = 0.5,
): ItemBoxComparison {
  const match = matchBoxes(a, b, t);
  const perClass = new Map<string, ClassCounts>();
  const counts = (classId: string): ClassCounts => {
    let c = perClass.get(classId);
    if (!c) {
      c = { nA: 0, nB: 0, agreements: 0 };
      perClass.set(classId, c);
    }
    return c;
  };
  for (const box of a) counts(box.classId).nA++;
  for (const box of b) counts(box.classId).nB++;

  let agreements = 0;
  let agreementIoUSum = 0;
  // Nested maps keyed by class id or null (no box): no key strings to build per box.
  const cells = new Map<string | null, Map<string | null, ConfusionCell>>();
  const confusion: ConfusionCell[] = [];
  const cell = (ca: string | null, cb: string | null) => {
    let row = cells.get(ca);
    if (!row) {
      row = new Map();
      cells.set(ca, row);
    }
    const existing = row.get(cb);
    if (existing) {
      existing.count++;
    } else {
      const created = { a: ca, b: cb, count: 1 };
      row.set(cb, created);
      confusion.push(created);
    }
  };
  for (const p of match.pairs) {
    const ca = a[p.a]!.classId;
    const cb = b[p.b]!.classId;
    if (ca === cb) {
      agreements++;
      agreementIoUSum += p.iou;
      counts(ca).agreements++;
    } else {
      cell(ca, cb);
    }
  }
  for (const i of match.onlyA) cell(a[i]!.classId, null);
  for (const j of match.onlyB) cell(null, b[j]!.classId);

  const classConflicts = match.pairs.length - agreements;
  return {
    match,
    nA: a.length,
    nB: b.length,
    agreements,
    classConflicts,
    onlyA: match.onlyA.length,
    onlyB: match.onlyB.length,
    agreementIoUSum,
    perClass,
    confusion,
    fullAgreement: classConflicts === 0 && match.onlyA.length === 0 && match.onlyB.length === 0,
  };
}

import { maxWeightMatching, type WeightedEdges } from './hungarian';
import { boxIoU, meetsThreshold, type Rect } from './iou';

/** Any box with a class: the shared `Box` schema fits, so do plain test literals. */
export interface ClassedBox extends Rect {
  classId: string;
}

export interface BoxPair {
  /** Index into labeler A's boxes. */
  a: number;
  /** Index into labeler B's boxes. */
  b: number;
  iou: number;
}

export interface BoxMatch {
  /** Matched pairs (class-agnostic), ordered by A's index. */
  pairs: BoxPair[];
  /** Indices of A's boxes left unmatched, ascending. */
  onlyA: number[];
  /** Indices of B's boxes left unmatched, ascending. */
  onlyB: number[];
}

/**
 * Ties in total IoU are broken in favour of same-class pairs: each same-class edge gets a
 * bonus so small that all bonuses together stay below 1e-9, i.e. only assignments whose total
 * IoU is equal within 1e-9 can be reordered by it. Without this, two identical B boxes of
 * different classes over one A box would give an agreement or a class conflict depending on
 * the order the boxes were drawn in.
 */
const TIE_BREAK_TOTAL = 1e-9;

export function assertIouThreshold(t: number): void {
  if (!(t > 0 && t <= 1)) throw new RangeError(`IoU threshold must be in (0, 1], got ${t}`);
}

/**
 * product.md: IoU for every A x B pair regardless of class; the one-to-one assignment
 * maximizing total IoU among pairs with IoU >= t (IoU exactly t is allowed).
 */
export function matchBoxes(a: readonly ClassedBox[], b: readonly ClassedBox[], t = 0.5): BoxMatch {
  assertIouThreshold(t);
  const nA = a.length;
  const nB = b.length;
  const edges: WeightedEdges = { a: [], b: [], w: [] };
  const bonus = TIE_BREAK_TOTAL / (Math.min(nA, nB) + 1);
  // B's corners in one typed array: the pair loop below is the hot path of the whole report.
  const bc = new Float64Array(4 * nB);
  for (let j = 0; j < nB; j++) {
    const bb = b[j]!;
    bc[4 * j] = bb.x;
    bc[4 * j + 1] = bb.y;
    bc[4 * j + 2] = bb.x + bb.w;
    bc[4 * j + 3] = bb.y + bb.h;
  }
  for (let i = 0; i < nA; i++) {
    const ba = a[i]!;
    const ax1 = ba.x;
    const ay1 = ba.y;
    const ax2 = ax1 + ba.w;
    const ay2 = ay1 + ba.h;
    for (let j = 0; j < nB; j++) {
      // Cheap reject before the division: strictly disjoint boxes have IoU 0.
      if (
        bc[4 * j]! > ax2 ||
        bc[4 * j + 2]! < ax1 ||
        bc[4 * j + 1]! > ay2 ||
        bc[4 * j + 3]! < ay1
      ) {
        continue;
      }
      const bb = b[j]!;
      const iou = boxIoU(ba, bb);
      if (!meetsThreshold(iou, t)) continue;
      edges.a.push(i);
      edges.b.push(j);
      edges.w.push(ba.classId === bb.classId ? iou + bonus : iou);
    }
  }
  const { aToB, bToA } = maxWeightMatching(nA, nB, edges);
  const pairs: BoxPair[] = [];
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  for (let i = 0; i < nA; i++) {
    const j = aToB[i]!;
    // Recompute the raw IoU: the edge weights carry the tie-break bonus.
    if (j >= 0) pairs.push({ a: i, b: j, iou: boxIoU(a[i]!, b[j]!) });
    else onlyA.push(i);
  }
  for (let j = 0; j < nB; j++) if (bToA[j]! < 0) onlyB.push(j);
  return { pairs, onlyA, onlyB };
}

import { maxWeightMatching, type WeightedEdges } from './hungarian';
import { intervalIoU, meetsThreshold } from './iou';

/** A transcript segment's time span, in seconds (the shared Segment schema fits). */
export interface TimeSpan {
  start: number;
  end: number;
}

export interface SegmentMatch {
  /** Matched pairs ordered by A's index, with temporal IoU. */
  pairs: Array<{ a: number; b: number; iou: number }>;
  onlyA: number[];
  onlyB: number[];
  /** Sum of |start_A - start_B| + |end_A - end_B| over matched pairs, in milliseconds. */
  boundaryAbsSumMs: number;
}

/** Temporal IoU >= 0.5 (product.md), inclusive like the box threshold. */
export const SEGMENT_IOU = 0.5;

/**
 * product.md: segments are matched one-to-one by temporal IoU >= 0.5, maximizing total IoU
 * (Hungarian, same solver as boxes).
 */
export function matchSegments(
  a: readonly TimeSpan[],
  b: readonly TimeSpan[],
  t = SEGMENT_IOU,
): SegmentMatch {
  const edges: WeightedEdges = { a: [], b: [], w: [] };
  for (let i = 0; i < a.length; i++) {
    const sa = a[i]!;
    for (let j = 0; j < b.length; j++) {
      const sb = b[j]!;
      if (sb.start > sa.end || sb.end < sa.start) continue;
      const iou = intervalIoU(sa.start, sa.end, sb.start, sb.end);
      if (!meetsThreshold(iou, t)) continue;
      edges.a.push(i);
      edges.b.push(j);
      edges.w.push(iou);
    }
  }
  const { aToB, bToA } = maxWeightMatching(a.length, b.length, edges);
  const pairs: SegmentMatch['pairs'] = [];
  const onlyA: number[] = [];
  let boundaryAbsSumMs = 0;
  for (let i = 0; i < a.length; i++) {
    const j = aToB[i]!;
    if (j < 0) {
      onlyA.push(i);
      continue;
    }
    const sa = a[i]!;
    const sb = b[j]!;
    pairs.push({ a: i, b: j, iou: intervalIoU(sa.start, sa.end, sb.start, sb.end) });
    boundaryAbsSumMs += (Math.abs(sa.start - sb.start) + Math.abs(sa.end - sb.end)) * 1000;
  }
  const onlyB: number[] = [];
  for (let j = 0; j < b.length; j++) if (bToA[j]! < 0) onlyB.push(j);
  return { pairs, onlyA, onlyB, boundaryAbsSumMs };
}

/**
 * Boundary deviation: the mean over every start difference and every end difference of the
 * matched segments (2 values per pair), in ms; null without matched segments.
 */
export function boundaryDeviationMs(match: SegmentMatch): number | null {
  return match.pairs.length > 0 ? match.boundaryAbsSumMs / (2 * match.pairs.length) : null;
}

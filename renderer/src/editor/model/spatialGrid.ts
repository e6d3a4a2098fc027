import type { Box } from '../../../../shared/api/schemas/annotationDoc';
import type { Point, Rect, Size } from './geometry';
import { hitRect, rectsIntersect } from './geometry';

/**
 * A uniform grid over the image for hit-testing thousands of boxes without asking Konva
 * (the canvas does not listen per shape). Each box is listed in every cell it overlaps;
 * a point query looks at one cell.
 */
export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly cols: number;
  private readonly rows: number;
  private readonly cell: number;

  constructor(
    readonly boxes: readonly Box[],
    image: Size,
  ) {
    // About two boxes per cell on average, never finer than 16 px or coarser than 1/4 image.
    const area = Math.max(1, image.width * image.height);
    const ideal = Math.sqrt((area * 2) / Math.max(1, boxes.length));
    this.cell = Math.max(16, Math.min(ideal, Math.max(image.width, image.height, 16) / 4));
    this.cols = Math.max(1, Math.ceil(image.width / this.cell));
    this.rows = Math.max(1, Math.ceil(image.height / this.cell));
    boxes.forEach((b, i) => {
      const [c0, r0, c1, r1] = this.span(b);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * this.cols + c;
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
      }
    });
  }

  private span(r: Rect, pad = 0): [number, number, number, number] {
    const c = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor(v / this.cell)));
    return [
      c(r.x - pad, this.cols),
      c(r.y - pad, this.rows),
      c(r.x + r.w + pad, this.cols),
      c(r.y + r.h + pad, this.rows),
    ];
  }

  /**
   * The box under the point. Where boxes overlap the smallest wins, so a small defect
   * drawn inside a large one stays reachable (as in CVAT); ties go to the one drawn last.
   */
  hit(p: Point, tolerance = 0): Box | null {
    const [c0, r0, c1, r1] = this.span({ x: p.x, y: p.y, w: 0, h: 0 }, tolerance);
    let best: Box | null = null;
    let bestArea = Infinity;
    let bestIndex = -1;
    const seen = new Set<number>();
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const i of this.cells.get(r * this.cols + c) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          const b = this.boxes[i]!;
          if (!hitRect(p, b, tolerance)) continue;
          const area = b.w * b.h;
          if (area < bestArea || (area === bestArea && i > bestIndex)) {
            best = b;
            bestArea = area;
            bestIndex = i;
          }
        }
      }
    }
    return best;
  }

  /** Ids of boxes intersecting the rectangle (rubber-band selection, viewport culling). */
  query(area: Rect): string[] {
    const [c0, r0, c1, r1] = this.span(area);
    const seen = new Set<number>();
    const out: string[] = [];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const i of this.cells.get(r * this.cols + c) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          if (rectsIntersect(area, this.boxes[i]!)) out.push(this.boxes[i]!.id);
        }
      }
    }
    return out;
  }
}

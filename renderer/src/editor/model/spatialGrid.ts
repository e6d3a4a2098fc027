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
   * The box under the point. Boxes that contain it win over boxes only within `tolerance`
   * of it; among those, the smallest wins, so a small defect drawn inside a large one stays
   * reachable (as in CVAT). Ties go to the one drawn last. Near-misses (thin boxes, a click
   * just outside an edge) go to the closest box.
   */
  hit(p: Point, tolerance = 0): Box | null {
    const [c0, r0, c1, r1] = this.span({ x: p.x, y: p.y, w: 0, h: 0 }, tolerance);
    let inside: Box | null = null;
    let insideArea = Infinity;
    let insideIndex = -1;
    let near: Box | null = null;
    let nearDist = Infinity;
    const seen = new Set<number>();
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const i of this.cells.get(r * this.cols + c) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          const b = this.boxes[i]!;
          if (hitRect(p, b, 0)) {
            const area = b.w * b.h;
            if (area < insideArea || (area === insideArea && i > insideIndex)) {
              inside = b;
              insideArea = area;
              insideIndex = i;
            }
          } else if (!inside && hitRect(p, b, tolerance)) {
            const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w));
            const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
            const d = Math.max(dx, dy);
            if (d < nearDist) {
              near = b;
              nearDist = d;
            }
          }
        }
      }
    }
    return inside ?? near;
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

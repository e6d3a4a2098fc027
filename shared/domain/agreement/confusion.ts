import type { ItemBoxComparison } from './boxAgreement';

/**
 * Class-confusion matrix between two labelers:
 *
 *                 B: c1   B: c2   B: none
 *     A: c1      agree   confl.  only-A
 *     A: c2      confl.  agree   only-A
 *     A: none    only-B  only-B    0
 *
 * Rows are labeler A's class, columns labeler B's; index `classIds.length` is "none" (a box
 * the other labeler has no match for). The none/none cell is always 0.
 */
export interface ConfusionMatrix {
  classIds: string[];
  matrix: number[][];
}

export interface ConfusionBuilder {
  add(cmp: ItemBoxComparison): void;
  result(): ConfusionMatrix;
}

/**
 * Accumulates item comparisons. Classes listed up front keep their order (and appear even
 * with zero counts); classes met later are appended in order of first appearance.
 */
export function createConfusion(classIds: readonly string[] = []): ConfusionBuilder {
  const index = new Map<string, number>();
  const order: string[] = [];
  const ensure = (id: string) => {
    if (!index.has(id)) {
      index.set(id, order.length);
      order.push(id);
    }
  };
  classIds.forEach(ensure);
  // Sparse cells keyed by (row, col) with -1 standing for "none" until the size is known.
  const cells = new Map<number, Map<number, number>>();
  const bump = (row: number, col: number, count: number) => {
    let r = cells.get(row);
    if (!r) {
      r = new Map();
      cells.set(row, r);
    }
    r.set(col, (r.get(col) ?? 0) + count);
  };
  const idx = (id: string | null) => {
    if (id === null) return -1;
    ensure(id);
    return index.get(id)!;
  };
  return {
    add(cmp) {
      for (const [classId, c] of cmp.perClass) {
        ensure(classId);
        if (c.agreements > 0) bump(idx(classId), idx(classId), c.agreements);
      }
      for (const cell of cmp.confusion) bump(idx(cell.a), idx(cell.b), cell.count);
    },
    result() {
      const size = order.length + 1;
      const none = order.length;
      const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      for (const [row, cols] of cells) {
        for (const [col, count] of cols) {
          matrix[row < 0 ? none : row]![col < 0 ? none : col] = count;
        }
      }
      return { classIds: [...order], matrix };
    },
  };
}

/**
 * Optimal one-to-one assignment.
 *
 * `solveAssignment` is Kuhn-Munkres with row/column potentials (the O(n^2 m) "e-maxx"
 * formulation) on a dense, possibly rectangular cost matrix. `maxWeightMatching` builds on it
 * for sparse bipartite graphs with positive edge weights (IoU of the allowed pairs): it splits
 * the graph into connected components first, because in real annotations almost every box
 * overlaps at most one box of the other labeler, so nearly all components are a single edge
 * and never reach the cubic solver.
 *
 * Determinism: the solver scans columns in index order and only moves on a strictly smaller
 * reduced cost, so for a given input order equal-cost alternatives always resolve the same way.
 */

/**
 * Minimum-cost assignment on a dense row-major `rows x cols` matrix. Every row is assigned
 * when rows <= cols, every column when rows > cols. Returns, per row, the assigned column or -1.
 */
export function solveAssignment(cost: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (cost.length < rows * cols) {
    throw new RangeError(`cost matrix has ${cost.length} cells, expected ${rows} x ${cols}`);
  }
  const rowToCol = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return rowToCol;
  if (rows <= cols) {
    const colToRow = kuhnMunkres(cost, rows, cols, false);
    for (let j = 0; j < cols; j++) if (colToRow[j]! >= 0) rowToCol[colToRow[j]!] = j;
  } else {
    // Solve the transpose (columns become rows) so the solver's n <= m precondition holds.
    // The transposed problem's "columns" are our rows; its result maps each to one of ours.
    rowToCol.set(kuhnMunkres(cost, cols, rows, true));
  }
  return rowToCol;
}

/**
 * Core solver for n <= m. Reads cost(i, j) as cost[i * m + j], or cost[j * n + i] when
 * `transposed`. Returns, per column j of the n x m problem, the row assigned to it or -1.
 */
function kuhnMunkres(
  cost: ArrayLike<number>,
  n: number,
  m: number,
  transposed: boolean,
): Int32Array {
  // 1-based arrays as in the classic formulation; index 0 is the virtual start column.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j] = row (1-based) assigned to column j, 0 = none
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      const ui0 = u[i0]!;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const c = transposed ? cost[(j - 1) * n + (i0 - 1)]! : cost[(i0 - 1) * m + (j - 1)]!;
        const cur = c - ui0 - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colToRow = new Int32Array(m).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) colToRow[j - 1] = p[j]! - 1;
  return colToRow;
}

/** Edges of a bipartite graph as parallel arrays: edge k joins a[k] (left) and b[k] (right). */
export interface WeightedEdges {
  a: number[];
  b: number[];
  /** Strictly positive weights; a missing edge means the pair may not be matched. */
  w: number[];
}

export interface Matching {
  /** Matched right index per left node, or -1. */
  aToB: Int32Array;
  /** Matched left index per right node, or -1. */
  bToA: Int32Array;
}

/**
 * Maximum-total-weight matching (not maximum cardinality: one pair of weight 0.9 beats two of
 * 0.4) over the given edges only. Forbidden pairs get weight 0 inside each component's dense
 * matrix; since every allowed weight is > 0, an optimal assignment never prefers a forbidden
 * cell over an allowed one, and dropping forbidden cells afterwards leaves the optimum.
 */
export function maxWeightMatching(nA: number, nB: number, edges: WeightedEdges): Matching {
  const aToB = new Int32Array(nA).fill(-1);
  const bToA = new Int32Array(nB).fill(-1);
  const e = edges.a.length;
  if (e === 0) return { aToB, bToA };
  for (let k = 0; k < e; k++) {
    if (!(edges.w[k]! > 0))
      throw new RangeError(`edge ${k} has weight ${edges.w[k]}; weights must be > 0`);
  }
  // Fast path: when no node has two edges the edges already are the (only) optimal matching.
  // This is the usual case for real annotations, so it skips union-find and the solver.
  let simple = true;
  for (let k = 0; k < e && simple; k++) {
    const a = edges.a[k]!;
    const b = edges.b[k]!;
    if (aToB[a] !== -1 || bToA[b] !== -1) simple = false;
    aToB[a] = b;
    bToA[b] = a;
  }
  if (simple) return { aToB, bToA };
  aToB.fill(-1);
  bToA.fill(-1);

  // Union-find over left nodes 0..nA-1 and right nodes nA..nA+nB-1.
  const parent = new Int32Array(nA + nB);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let k = 0; k < e; k++) {
    const ra = find(edges.a[k]!);
    const rb = find(nA + edges.b[k]!);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  // Group edges by component, in order of first appearance (deterministic).
  const compOfRoot = new Map<number, number[]>();
  const comps: number[][] = [];
  for (let k = 0; k < e; k++) {
    const root = find(edges.a[k]!);
    let list = compOfRoot.get(root);
    if (!list) {
      list = [];
      compOfRoot.set(root, list);
      comps.push(list);
    }
    list.push(k);
  }

  const localA = new Int32Array(nA).fill(-1);
  const localB = new Int32Array(nB).fill(-1);
  for (const list of comps) {
    if (list.length === 1) {
      const k = list[0]!;
      aToB[edges.a[k]!] = edges.b[k]!;
      bToA[edges.b[k]!] = edges.a[k]!;
      continue;
    }
    // Local indices in ascending global order so results do not depend on edge order.
    const as = uniqueSorted(list.map((k) => edges.a[k]!));
    const bs = uniqueSorted(list.map((k) => edges.b[k]!));
    as.forEach((g, i) => (localA[g] = i));
    bs.forEach((g, j) => (localB[g] = j));
    const rows = as.length;
    const cols = bs.length;
    const cost = new Float64Array(rows * cols); // 0 = forbidden (same as leaving both unmatched)
    for (const k of list) {
      const cell = localA[edges.a[k]!]! * cols + localB[edges.b[k]!]!;
      cost[cell] = Math.min(cost[cell]!, -edges.w[k]!); // duplicate edges: keep the heavier
    }
    const assigned = solveAssignment(cost, rows, cols);
    for (let i = 0; i < rows; i++) {
      const j = assigned[i]!;
      if (j < 0 || cost[i * cols + j]! >= 0) continue;
      aToB[as[i]!] = bs[j]!;
      bToA[bs[j]!] = as[i]!;
    }
  }
  return { aToB, bToA };
}

function uniqueSorted(xs: number[]): number[] {
  xs.sort((x, y) => x - y);
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  return out;
}

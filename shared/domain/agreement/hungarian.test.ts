import { describe, expect, it } from 'vitest';
import { maxWeightMatching, solveAssignment, type WeightedEdges } from './hungarian';
import { mulberry32 } from './rng';

/** Minimum total cost over all assignments of min(rows, cols) pairs, by brute force. */
function bruteMinCost(cost: number[], rows: number, cols: number): number {
  const usedCols = new Array<boolean>(cols).fill(false);
  const k = Math.min(rows, cols);
  let best = Infinity;
  // Assign every row when rows <= cols; otherwise every column (rows may be skipped).
  const go = (i: number, assigned: number, total: number) => {
    if (assigned === k) {
      best = Math.min(best, total);
      return;
    }
    if (i === rows) return;
    if (rows - i > k - assigned) go(i + 1, assigned, total); // skip row i (only if rows > cols)
    for (let j = 0; j < cols; j++) {
      if (usedCols[j]) continue;
      usedCols[j] = true;
      go(i + 1, assigned + 1, total + cost[i * cols + j]!);
      usedCols[j] = false;
    }
  };
  go(0, 0, 0);
  return best;
}

function assignmentCost(cost: number[], cols: number, rowToCol: Int32Array): number {
  let total = 0;
  rowToCol.forEach((j, i) => {
    if (j >= 0) total += cost[i * cols + j]!;
  });
  return total;
}

function isOneToOne(rowToCol: Int32Array, cols: number): boolean {
  const seen = new Set<number>();
  for (const j of rowToCol) {
    if (j < 0) continue;
    if (j >= cols || seen.has(j)) return false;
    seen.add(j);
  }
  return true;
}

describe('solveAssignment', () => {
  it('solves a hand-checked 3x3 problem', () => {
    // Classic example: optimum 5 (row0->col1, row1->col0, row2->col2 = 1 + 2 + 2).
    const cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
    const a = solveAssignment(cost, 3, 3);
    expect(Array.from(a)).toEqual([1, 0, 2]);
    expect(assignmentCost(cost, 3, a)).toBe(5);
  });

  it('handles empty and degenerate shapes', () => {
    expect(Array.from(solveAssignment([], 0, 3))).toEqual([]);
    expect(Array.from(solveAssignment([], 2, 0))).toEqual([-1, -1]);
    expect(Array.from(solveAssignment([7], 1, 1))).toEqual([0]);
    expect(() => solveAssignment([1, 2], 2, 2)).toThrow(RangeError);
  });

  it('assigns every row of a wide matrix and every column of a tall one', () => {
    const wide = [5, 1, 9, 2, 8, 3]; // 2 x 3
    expect(Array.from(solveAssignment(wide, 2, 3))).toEqual([1, 0]); // 1 + 2 = 3
    const tall = [5, 2, 1, 8, 9, 3]; // 3 x 2: rows (5,2) (1,8) (9,3)
    expect(Array.from(solveAssignment(tall, 3, 2))).toEqual([1, 0, -1]); // 2 + 1 = 3
  });

  it('matches brute force on 400 random square and rectangular matrices', () => {
    const rng = mulberry32(2024);
    for (let t = 0; t < 400; t++) {
      const rows = 1 + Math.floor(rng() * 6);
      const cols = 1 + Math.floor(rng() * 6);
      // Small integer costs create many ties; negative values too.
      const cost = Array.from({ length: rows * cols }, () => Math.floor(rng() * 7) - 3);
      const a = solveAssignment(cost, rows, cols);
      expect(isOneToOne(a, cols)).toBe(true);
      expect(a.filter((j) => j >= 0).length).toBe(Math.min(rows, cols));
      expect(assignmentCost(cost, cols, a)).toBe(bruteMinCost(cost, rows, cols));
    }
  });

  it('is deterministic on ties', () => {
    const cost = new Array<number>(16).fill(1);
    const first = Array.from(solveAssignment(cost, 4, 4));
    for (let i = 0; i < 5; i++) expect(Array.from(solveAssignment(cost, 4, 4))).toEqual(first);
    expect(first).toEqual([0, 1, 2, 3]);
  });
});

/** Best total weight over all matchings using only the given edges, by brute force. */
function bruteMaxWeight(nA: number, nB: number, edges: WeightedEdges): number {
  const w = new Map<string, number>();
  edges.a.forEach((a, k) =>
    w.set(`${a},${edges.b[k]}`, Math.max(w.get(`${a},${edges.b[k]}`) ?? 0, edges.w[k]!)),
  );
  const used = new Array<boolean>(nB).fill(false);
  let best = 0;
  const go = (i: number, total: number) => {
    if (i === nA) {
      best = Math.max(best, total);
      return;
    }
    go(i + 1, total);
    for (let j = 0; j < nB; j++) {
      const x = w.get(`${i},${j}`);
      if (x === undefined || used[j]) continue;
      used[j] = true;
      go(i + 1, total + x);
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

function matchedWeight(edges: WeightedEdges, aToB: Int32Array): number {
  let total = 0;
  aToB.forEach((b, a) => {
    if (b < 0) return;
    let best = -1;
    edges.a.forEach((ea, k) => {
      if (ea === a && edges.b[k] === b) best = Math.max(best, edges.w[k]!);
    });
    expect(best).toBeGreaterThan(0); // only allowed pairs are ever matched
    total += best;
  });
  return total;
}

describe('maxWeightMatching', () => {
  it('maximizes total weight, not the greedy first pick', () => {
    // Greedy takes a0-b0 (0.9) and stops; the optimum is a0-b1 + a1-b0 = 1.2.
    const edges = { a: [0, 0, 1], b: [0, 1, 0], w: [0.9, 0.6, 0.6] };
    const m = maxWeightMatching(2, 2, edges);
    expect(Array.from(m.aToB)).toEqual([1, 0]);
    expect(Array.from(m.bToA)).toEqual([1, 0]);
  });

  it('maximizes total weight, not cardinality', () => {
    // One pair of 0.9 beats two pairs of 0.4 each.
    const edges = { a: [0, 0, 1], b: [0, 1, 0], w: [0.9, 0.4, 0.4] };
    const m = maxWeightMatching(2, 2, edges);
    expect(Array.from(m.aToB)).toEqual([0, -1]);
    expect(Array.from(m.bToA)).toEqual([0, -1]);
  });

  it('never matches a pair without an edge (forbidden), even in a dense component', () => {
    // a0-b0, a0-b1, a1-b1 allowed; a1-b0 forbidden. Best: a0-b0 + a1-b1.
    const edges = { a: [0, 0, 1], b: [0, 1, 1], w: [0.5, 0.8, 0.5] };
    const m = maxWeightMatching(2, 2, edges);
    expect(Array.from(m.aToB)).toEqual([0, 1]);
  });

  it('handles no edges, isolated nodes and a single edge', () => {
    expect(Array.from(maxWeightMatching(2, 3, { a: [], b: [], w: [] }).aToB)).toEqual([-1, -1]);
    const m = maxWeightMatching(3, 3, { a: [2], b: [0], w: [0.7] });
    expect(Array.from(m.aToB)).toEqual([-1, -1, 0]);
    expect(Array.from(m.bToA)).toEqual([2, -1, -1]);
  });

  it('rejects non-positive weights', () => {
    expect(() => maxWeightMatching(1, 1, { a: [0], b: [0], w: [0] })).toThrow(RangeError);
  });

  it('matches brute force on 500 random sparse graphs', () => {
    const rng = mulberry32(99);
    for (let t = 0; t < 500; t++) {
      const nA = Math.floor(rng() * 6);
      const nB = Math.floor(rng() * 6);
      const edges: WeightedEdges = { a: [], b: [], w: [] };
      for (let i = 0; i < nA; i++) {
        for (let j = 0; j < nB; j++) {
          if (rng() < 0.45) {
            edges.a.push(i);
            edges.b.push(j);
            edges.w.push(0.5 + Math.round(rng() * 10) / 20); // 0.5..1.0 in steps: many ties
          }
        }
      }
      const m = maxWeightMatching(nA, nB, edges);
      m.aToB.forEach((b, a) => {
        if (b >= 0) expect(m.bToA[b]).toBe(a);
      });
      expect(matchedWeight(edges, m.aToB)).toBeCloseTo(bruteMaxWeight(nA, nB, edges), 9);
    }
  });
});

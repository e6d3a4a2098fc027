/**
 * Levenshtein distance (insertions, deletions, substitutions, each cost 1) between two
 * sequences of symbols (interned words, or code points).
 *
 * Transcripts of long recordings are long: an hour of speech is ~9,000 words / ~50,000
 * characters, and the plain O(n*m) table for CER would be 2.5e9 cells. `editDistance` uses
 * Myers' bit-vector algorithm (Myers 1999; block form after Hyyro 2003): 32 rows of the
 * table per machine word, O(n * ceil(m / 32)). `editDistanceTable` is the textbook dynamic
 * program, kept as the reference the tests compare against.
 */

/** Textbook two-row dynamic program, O(n * m) time, O(min) memory. */
export function editDistanceTable(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length < b.length) [a, b] = [b, a];
  const m = b.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/**
 * Bit-parallel edit distance. Rows are the symbols of `pattern` (the longer sequence), taken
 * 32 at a time; each block sweeps every column (symbol of `text`) keeping the vertical
 * deltas of its 32 rows in two bit masks (Pv: +1, Mv: -1) and handing the horizontal delta
 * of its bottom row to the next block through `hCarry`. Row 0 of the table is 0,1,2,...,
 * so every column enters the first block with a +1 horizontal delta (global distance).
 */
export function editDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  // A common prefix and suffix never need edits; two labelers' texts often share long runs.
  let lo = 0;
  let hiA = a.length;
  let hiB = b.length;
  while (lo < hiA && lo < hiB && a[lo] === b[lo]) lo++;
  while (hiA > lo && hiB > lo && a[hiA - 1] === b[hiB - 1]) {
    hiA--;
    hiB--;
  }
  const ta = slice(a, lo, hiA);
  const tb = slice(b, lo, hiB);
  const [pattern, text] = ta.length >= tb.length ? [ta, tb] : [tb, ta];
  const m = pattern.length;
  const n = text.length;
  if (n === 0) return m;

  // Dense symbol ids for the pattern; text symbols absent from the pattern never match.
  const ids = new Map<number, number>();
  const patternIds = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    let id = ids.get(pattern[i]!);
    if (id === undefined) {
      id = ids.size;
      ids.set(pattern[i]!, id);
    }
    patternIds[i] = id;
  }
  const textIds = new Int32Array(n);
  for (let j = 0; j < n; j++) textIds[j] = ids.get(text[j]!) ?? -1;

  const peq = new Int32Array(ids.size); // match masks of the current block, per symbol id
  const hCarry = new Int8Array(n).fill(1); // horizontal delta entering the block, per column
  const blocks = Math.ceil(m / 32);
  let score = m; // D[m][0]
  for (let blk = 0; blk < blocks; blk++) {
    const start = blk * 32;
    const rows = Math.min(32, m - start);
    for (let r = 0; r < rows; r++) peq[patternIds[start + r]!]! |= 1 << r;
    const last = blk === blocks - 1;
    const lastBit = 1 << (rows - 1);
    let pv = -1; // column 0: D[i][0] = i, every vertical delta is +1
    let mv = 0;
    for (let j = 0; j < n; j++) {
      const id = textIds[j]!;
      let eq = id >= 0 ? peq[id]! : 0;
      const hin = hCarry[j]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1; // a -1 entering from above acts like a match on the first row
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      // Horizontal delta leaving the bottom row of this block.
      const hout = ph & lastBit ? 1 : mh & lastBit ? -1 : 0;
      if (last) score += hout;
      else hCarry[j] = hout;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let r = 0; r < rows; r++) peq[patternIds[start + r]!] = 0;
  }
  return score;
}

function slice(xs: ArrayLike<number>, from: number, to: number): ArrayLike<number> {
  if (from === 0 && to === xs.length) return xs;
  return Array.prototype.slice.call(xs, from, to) as number[];
}

/** Code points of a string (so a character outside the BMP counts once). */
export function codePoints(s: string): Int32Array {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return Int32Array.from(out);
}

/** Interns words of both sequences into shared integer ids. */
export function internWords(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const intern = (ws: readonly string[]) =>
    Int32Array.from(ws, (w) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = ids.size;
        ids.set(w, id);
      }
      return id;
    });
  return [intern(a), intern(b)];
}

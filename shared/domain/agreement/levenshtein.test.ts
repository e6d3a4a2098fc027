import { describe, expect, it } from 'vitest';
import { codePoints, editDistance, editDistanceTable, internWords } from './levenshtein';
import { mulberry32 } from './rng';

const chars = (s: string) => codePoints(s);
const words = (a: string, b: string) =>
  internWords(a.split(' ').filter(Boolean), b.split(' ').filter(Boolean));

describe('edit distance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['intention', 'execution', 5],
    ['abc', 'abc', 0],
    ['abc', 'cba', 2],
  ])('%s -> %s = %i (both algorithms)', (a, b, d) => {
    expect(editDistanceTable(chars(a), chars(b))).toBe(d);
    expect(editDistance(chars(a), chars(b))).toBe(d);
  });

  it('works on words', () => {
    const [a, b] = words('the cat sat on the mat', 'the cat sit on mat');
    expect(editDistance(a, b)).toBe(2); // sat->sit, delete "the"
  });

  it('counts a character outside the BMP once', () => {
    expect(editDistance(chars('a😀b'), chars('ab'))).toBe(1);
    expect(codePoints('😀').length).toBe(1);
  });

  it('agrees with the table on 2,000 random pairs across block boundaries (31..130 symbols)', () => {
    const rng = mulberry32(11);
    for (let t = 0; t < 2000; t++) {
      const alphabet = 1 + Math.floor(rng() * 6);
      const gen = (len: number) => Array.from({ length: len }, () => Math.floor(rng() * alphabet));
      const la = Math.floor(rng() * 131);
      // Often a mutated copy so distances are small, sometimes unrelated.
      const a = gen(la);
      const b =
        rng() < 0.6
          ? a.filter(() => rng() > 0.1).map((x) => (rng() < 0.1 ? (x + 1) % alphabet : x))
          : gen(Math.floor(rng() * 131));
      expect(editDistance(a, b)).toBe(editDistanceTable(a, b));
    }
  });

  it('handles long inputs (one hour of speech in characters)', () => {
    const rng = mulberry32(3);
    const a = Int32Array.from({ length: 50_000 }, () => 97 + Math.floor(rng() * 27));
    const b = a.map((x) => (rng() < 0.05 ? 97 + Math.floor(rng() * 27) : x));
    // 2.5e9 table cells would run past the test timeout; the bit-vector form takes ~0.1 s.
    const d = editDistance(a, b);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThanOrEqual(50_000 * 0.06);
  });
});

import { describe, expect, it } from 'vitest';
import { numberToWords, parseDigits, parseNumberWords } from './numberWords';

const parseAll = (text: string) => {
  const words = text.split(' ');
  const out: Array<number | string> = [];
  for (let i = 0; i < words.length;) {
    const p = parseNumberWords(words, i);
    if (p) {
      out.push(p.value);
      i = p.end;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
};

describe('numberToWords', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [13, 'thirteen'],
    [20, 'twenty'],
    [21, 'twenty one'],
    [100, 'one hundred'],
    [105, 'one hundred five'],
    [999, 'nine hundred ninety nine'],
    [1000, 'one thousand'],
    [2005, 'two thousand five'],
    [1_000_001, 'one million one'],
    [
      123_456_789_012,
      'one hundred twenty three billion four hundred fifty six million seven hundred eighty nine thousand twelve',
    ],
  ])('%i -> %s', (n, words) => {
    expect(numberToWords(n).join(' ')).toBe(words);
  });

  it('rejects what it cannot spell', () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
    expect(() => numberToWords(1e12)).toThrow(RangeError);
  });

  it('round-trips every number 0..999 and a spread of larger ones', () => {
    const check = (n: number) => {
      const ws = numberToWords(n);
      expect(parseNumberWords(ws, 0)).toEqual({ value: n, end: ws.length });
    };
    for (let n = 0; n <= 999; n++) check(n);
    for (let n = 1000; n < 1e12; n = n * 7 + 13) check(n);
  });
});

describe('parseNumberWords', () => {
  it.each([
    ['one hundred and five', [105]],
    ['two thousand and five apples', [2005, 'apples']],
    ['one two three', [1, 2, 3]],
    ['nineteen eighty four', [19, 84]],
    ['one thousand one thousand', [1000, 1000]],
    ['twenty hundred', [20, 'hundred']],
    ['hundred', ['hundred']],
    ['one and two', [1, 'and', 2]],
    ['zero zero seven', [0, 0, 7]],
    ['three million and more', [3_000_000, 'and', 'more']],
  ])('%s', (text, expected) => {
    expect(parseAll(text)).toEqual(expected);
  });
});

describe('parseDigits', () => {
  it('reads integers and thousands groups, not codes or decimals', () => {
    expect(parseDigits('0')).toBe(0);
    expect(parseDigits('105')).toBe(105);
    expect(parseDigits('1,000')).toBe(1000);
    expect(parseDigits('12,345,678')).toBe(12_345_678);
    expect(parseDigits('007')).toBeNull();
    expect(parseDigits('3.5')).toBeNull();
    expect(parseDigits('1,00')).toBeNull();
    expect(parseDigits('1000000000000')).toBeNull();
  });
});

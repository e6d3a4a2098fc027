/**
 * English cardinal numbers between digits and words, 0 .. 999,999,999,999, so the transcript
 * rule `numbers: 'digits' | 'words'` can bring "105", "one hundred five" and
 * "one hundred and five" to one canonical form before counting word errors.
 * Ordinals ("first", "5th"), decimals ("3.5") and fractions are left as typed.
 */
const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

const smallValue = new Map<string, number>(SMALL.map((w, i) => [w, i]));
const tensValue = new Map<string, number>();
TENS.forEach((w, i) => {
  if (w !== '') tensValue.set(w, i * 10);
});
const scaleValue = new Map<string, number>(SCALES.map(([v, w]) => [w, v]));

export const MAX_NUMBER = 999_999_999_999;

/** Words a number is spoken as, e.g. 105 -> ["one", "hundred", "five"] (no "and"). */
export function numberToWords(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_NUMBER) {
    throw new RangeError(`numberToWords supports integers 0..${MAX_NUMBER}, got ${n}`);
  }
  if (n === 0) return ['zero'];
  const out: string[] = [];
  for (const [scale, word] of SCALES) {
    const chunk = Math.floor(n / scale) % 1000;
    if (chunk > 0) out.push(...belowThousand(chunk), word);
  }
  const rest = n % 1000;
  if (rest > 0) out.push(...belowThousand(rest));
  return out;
}

function belowThousand(n: number): string[] {
  const out: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) out.push(SMALL[hundreds]!, 'hundred');
  if (rest >= 20) {
    out.push(TENS[Math.floor(rest / 10)]!);
    if (rest % 10 > 0) out.push(SMALL[rest % 10]!);
  } else if (rest > 0) {
    out.push(SMALL[rest]!);
  }
  return out;
}

/** True for words that can be part of a spoken number. */
export function isNumberWord(w: string): boolean {
  return smallValue.has(w) || tensValue.has(w) || scaleValue.has(w) || w === 'hundred';
}

interface Parsed {
  value: number;
  /** Index after the last word consumed. */
  end: number;
}

/**
 * The longest well-formed number phrase starting at `start` (lowercase words), e.g.
 * ["two", "thousand", "and", "five", "apples"] -> 2005, end 4. Sequences that do not form
 * one number stay separate: "one two" is 1 then 2, "nineteen eighty" is 19 then 80.
 */
export function parseNumberWords(words: readonly string[], start: number): Parsed | null {
  if (words[start] === 'zero') return { value: 0, end: start + 1 };
  let total = 0;
  let j = start;
  let lastScale = Infinity;
  let found = false;
  for (;;) {
    const group = belowThousandAt(words, j);
    if (!group) break;
    const scale = scaleValue.get(words[group.end] ?? '');
    if (scale === undefined) {
      total += group.value;
      j = group.end;
      found = true;
      break;
    }
    // "one thousand two thousand" is two numbers: stop before a scale that does not descend.
    if (scale >= lastScale) break;
    total += group.value * scale;
    j = group.end + 1;
    lastScale = scale;
    found = true;
    if (words[j] === 'and' && belowHundredAt(words, j + 1)) j++;
  }
  return found ? { value: total, end: j } : null;
}

function belowHundredAt(words: readonly string[], i: number): Parsed | null {
  const w = words[i];
  if (w === undefined) return null;
  const small = smallValue.get(w);
  if (small !== undefined && small > 0) return { value: small, end: i + 1 };
  const tens = tensValue.get(w);
  if (tens === undefined) return null;
  const unit = smallValue.get(words[i + 1] ?? '');
  if (unit !== undefined && unit > 0 && unit < 10) return { value: tens + unit, end: i + 2 };
  return { value: tens, end: i + 1 };
}

function belowThousandAt(words: readonly string[], i: number): Parsed | null {
  const digit = smallValue.get(words[i] ?? '');
  if (digit !== undefined && digit > 0 && digit < 10 && words[i + 1] === 'hundred') {
    const value = digit * 100;
    let j = i + 2;
    if (words[j] === 'and' && belowHundredAt(words, j + 1)) j++;
    const rest = belowHundredAt(words, j);
    return rest ? { value: value + rest.value, end: rest.end } : { value, end: j };
  }
  return belowHundredAt(words, i);
}

/** Integer written in digits, optionally with thousands commas; leading zeros ("007") are not numbers. */
export function parseDigits(core: string): number | null {
  const first = core.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return null; // not starting with a digit: skip the regexes
  if (/^(0|[1-9]\d{0,11})$/.test(core)) return Number(core);
  if (/^[1-9]\d{0,2}(,\d{3}){1,3}$/.test(core)) return Number(core.replace(/,/g, ''));
  return null;
}

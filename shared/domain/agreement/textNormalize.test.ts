import { describe, expect, it } from 'vitest';
import type { TranscriptRules } from '../../api/schemas/instructionSpec';
import { normalizeTranscript, RAW_TRANSCRIPT_RULES } from './textNormalize';

const rules = (over: Partial<TranscriptRules>): TranscriptRules => ({
  ...RAW_TRANSCRIPT_RULES,
  ...over,
});
const norm = (text: string, over: Partial<TranscriptRules> = {}) =>
  normalizeTranscript(text, rules(over)).join(' ');

describe('normalizeTranscript', () => {
  it('with raw rules only splits on whitespace', () => {
    expect(norm("  Um, today's   weather\n is FINE. ")).toBe("Um, today's weather is FINE.");
  });

  it('lowercases', () => {
    expect(norm('Hello WORLD', { lowercase: true })).toBe('hello world');
  });

  it('strips punctuation: apostrophes vanish, other marks separate words, decimals survive', () => {
    const strip = { stripPunctuation: true };
    expect(norm("Um, today's weather: well-known (sort of)!", strip)).toBe(
      'Um todays weather well known sort of',
    );
    expect(norm('pressure 3.5 bar, 1,000 units.', strip)).toBe('pressure 3.5 bar 1,000 units');
    expect(norm('— ... !!', strip)).toBe('');
    expect(norm('5% of $20', strip)).toBe('5 of 20');
  });

  it('drops fillers only when dropFillers is set, ignoring case and punctuation', () => {
    const r = { fillers: ['um', 'uh', 'you know'], lowercase: false };
    expect(norm('Um, the uh line you know stopped', r)).toBe('Um, the uh line you know stopped');
    expect(norm('Um, the uh line you know stopped', { ...r, dropFillers: true })).toBe(
      'the line stopped',
    );
    expect(norm('you are here', { ...r, dropFillers: true })).toBe('you are here');
  });

  it('numbers as digits: words and digits meet in one form', () => {
    const d = { numbers: 'digits' as const, lowercase: true, stripPunctuation: true };
    expect(norm('Twenty-one bolts, one hundred and five nuts', d)).toBe('21 bolts 105 nuts');
    expect(norm('21 bolts, 105 nuts', d)).toBe('21 bolts 105 nuts');
    expect(norm('1,000 parts', d)).toBe('1000 parts');
    expect(norm('twenty, one', d)).toBe('20 1'); // punctuation separates numbers
    expect(norm('part 007 at 3.5 mm on the 5th', d)).toBe('part 007 at 3.5 mm on the 5th');
  });

  it('numbers as words: digits are spelled, word phrases re-spelled canonically', () => {
    const w = { numbers: 'words' as const, lowercase: true, stripPunctuation: true };
    expect(norm('Line 2 stopped at 105.', w)).toBe('line two stopped at one hundred five');
    expect(norm('line two stopped at one hundred and five', w)).toBe(
      'line two stopped at one hundred five',
    );
    expect(norm('Twenty-One', w)).toBe('twenty one');
    expect(norm('2005', w)).toBe('two thousand five');
  });

  it('keeps punctuation around converted numbers when it is not stripped', () => {
    expect(norm('(21),', { numbers: 'words' })).toBe('(twenty one),');
    expect(norm('(twenty one),', { numbers: 'digits' })).toBe('(21),');
  });

  it('applies Unicode compatibility normalization', () => {
    // Full-width digits and the "ﬁ" ligature.
    expect(norm('\uff11\uff12 \ufb01x', { numbers: 'words' })).toBe('twelve fix');
  });
});

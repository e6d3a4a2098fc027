import type { TranscriptRules } from '../../api/schemas/instructionSpec';
import { codePoints, editDistance, internWords } from './levenshtein';
import { matchSegments, type TimeSpan } from './segmentMatching';
import { normalizeTranscript } from './textNormalize';

/**
 * Transcript agreement between labelers A and B on one item.
 *
 * Text is compared over the whole item, not per matched segment: each labeler's segment
 * texts are joined in time order (start, then end, then drawing order) and normalized with
 * the project's rules. This keeps WER meaningful when the two labelers cut the audio
 * differently (a sentence split in two by one of them costs nothing), and words in
 * unmatched segments still count. Segment timing is judged separately by boundary deviation.
 *
 * WER(A->B) = E / words(A), with E the word-level Levenshtein edits; CER likewise on the
 * characters of the normalized text with words joined by single spaces (so a wrongly split
 * or merged word costs one character edit). A is the reference: the first labeler of a pair.
 */
export interface TranscriptSegment extends TimeSpan {
  text: string;
}

export interface ItemTranscriptComparison {
  /** Words in A's normalized text (the WER denominator). */
  words: number;
  wordEdits: number;
  /** Characters in A's normalized text (the CER denominator). */
  chars: number;
  charEdits: number;
  segmentsA: number;
  segmentsB: number;
  matchedSegments: number;
  /** Sum of |start diff| + |end diff| over matched segments, ms. */
  boundaryAbsSumMs: number;
  /** E / words(A); null when A has no words. */
  wer: number | null;
  cer: number | null;
  /** Mean over all start and end differences of matched segments, ms; null without matches. */
  boundaryDeviationMs: number | null;
}

/** Segment texts joined in time order. */
export function transcriptText(segments: readonly TranscriptSegment[]): string {
  return segments
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.start - y.s.start || x.s.end - y.s.end || x.i - y.i)
    .map(({ s }) => s.text)
    .join(' ');
}

export function compareItemTranscripts(
  a: readonly TranscriptSegment[],
  b: readonly TranscriptSegment[],
  rules: TranscriptRules,
): ItemTranscriptComparison {
  const wordsA = normalizeTranscript(transcriptText(a), rules);
  const wordsB = normalizeTranscript(transcriptText(b), rules);
  const [idsA, idsB] = internWords(wordsA, wordsB);
  const wordEdits = editDistance(idsA, idsB);
  const charsA = codePoints(wordsA.join(' '));
  const charsB = codePoints(wordsB.join(' '));
  const charEdits = editDistance(charsA, charsB);
  const match = matchSegments(a, b);
  const matched = match.pairs.length;
  return {
    words: wordsA.length,
    wordEdits,
    chars: charsA.length,
    charEdits,
    segmentsA: a.length,
    segmentsB: b.length,
    matchedSegments: matched,
    boundaryAbsSumMs: match.boundaryAbsSumMs,
    wer: wordsA.length > 0 ? wordEdits / wordsA.length : null,
    cer: charsA.length > 0 ? charEdits / charsA.length : null,
    boundaryDeviationMs: matched > 0 ? match.boundaryAbsSumMs / (2 * matched) : null,
  };
}

/** Corpus figures over many items: sum E / sum words(A), etc. */
export interface TranscriptTotals {
  items: number;
  words: number;
  wordEdits: number;
  chars: number;
  charEdits: number;
  matchedSegments: number;
  boundaryAbsSumMs: number;
}

export function emptyTranscriptTotals(): TranscriptTotals {
  return {
    items: 0,
    words: 0,
    wordEdits: 0,
    chars: 0,
    charEdits: 0,
    matchedSegments: 0,
    boundaryAbsSumMs: 0,
  };
}

export function addTranscript(totals: TranscriptTotals, c: ItemTranscriptComparison): void {
  totals.items++;
  totals.words += c.words;
  totals.wordEdits += c.wordEdits;
  totals.chars += c.chars;
  totals.charEdits += c.charEdits;
  totals.matchedSegments += c.matchedSegments;
  totals.boundaryAbsSumMs += c.boundaryAbsSumMs;
}

export function corpusFigures(t: TranscriptTotals): {
  wer: number | null;
  cer: number | null;
  boundaryDeviationMs: number | null;
} {
  return {
    wer: t.words > 0 ? t.wordEdits / t.words : null,
    cer: t.chars > 0 ? t.charEdits / t.chars : null,
    boundaryDeviationMs:
      t.matchedSegments > 0 ? t.boundaryAbsSumMs / (2 * t.matchedSegments) : null,
  };
}

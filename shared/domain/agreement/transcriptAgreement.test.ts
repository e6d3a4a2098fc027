import { describe, expect, it } from 'vitest';
import type { TranscriptRules } from '../../api/schemas/instructionSpec';
import { RAW_TRANSCRIPT_RULES } from './textNormalize';
import {
  addTranscript,
  compareItemTranscripts,
  corpusFigures,
  emptyTranscriptTotals,
  transcriptText,
} from './transcriptAgreement';

const seg = (start: number, end: number, text: string) => ({ start, end, text });
const project: TranscriptRules = {
  lowercase: true,
  stripPunctuation: true,
  fillers: ['um', 'uh'],
  dropFillers: true,
  numbers: 'digits',
  notes: '',
};

describe('transcriptText', () => {
  it('joins segment texts in time order', () => {
    expect(transcriptText([seg(2, 3, 'world'), seg(0, 1, 'hello'), seg(0, 0.5, 'oh')])).toBe(
      'oh hello world',
    );
  });
});

describe('compareItemTranscripts', () => {
  it('identical texts after normalization have WER 0', () => {
    const c = compareItemTranscripts(
      [seg(0.52, 1.9, "Um, today's weather is 21 degrees.")],
      [seg(0.5, 1.9, 'todays weather is twenty-one degrees')],
      project,
    );
    expect(c).toMatchObject({ words: 5, wordEdits: 0, wer: 0, cer: 0, matchedSegments: 1 });
    expect(c.boundaryDeviationMs).toBeCloseTo(10, 9); // (20 ms + 0 ms) / 2
  });

  it('hand-computed WER and CER', () => {
    // A: "the cat sat on the mat" (6 words, 22 chars); B: "the cat sit on mat"
    // Words: sat->sit, delete "the" = 2 edits -> WER 2/6. Chars: a->i, delete "the " = 5 -> 5/22.
    const c = compareItemTranscripts(
      [seg(0, 3, 'the cat sat on the mat')],
      [seg(0, 3, 'the cat sit on mat')],
      project,
    );
    expect(c.wordEdits).toBe(2);
    expect(c.wer).toBeCloseTo(2 / 6, 15);
    expect(c.chars).toBe(22);
    expect(c.charEdits).toBe(5);
    expect(c.cer).toBeCloseTo(5 / 22, 15);
  });

  it("WER is directional: the denominator is A's word count", () => {
    const ab = compareItemTranscripts([seg(0, 1, 'a b')], [seg(0, 1, 'a b c d')], project);
    const ba = compareItemTranscripts([seg(0, 1, 'a b c d')], [seg(0, 1, 'a b')], project);
    expect(ab.wer).toBe(1); // 2 insertions / 2 words
    expect(ba.wer).toBe(0.5); // 2 deletions / 4 words
  });

  it('segmentation differences cost nothing in WER but show in boundaries', () => {
    const c = compareItemTranscripts(
      [seg(0, 4, 'the press stopped at noon')],
      [seg(0, 2, 'the press'), seg(2, 4, 'stopped at noon')],
      RAW_TRANSCRIPT_RULES,
    );
    expect(c.wer).toBe(0);
    expect(c.matchedSegments).toBe(1); // [0,4]-[0,2] and [0,4]-[2,4] both have IoU 0.5; one wins
    expect(c.boundaryDeviationMs).toBe(1000); // (0 + 2000) / 2
  });

  it('an empty reference has no WER; everything B said still counts as edits', () => {
    const c = compareItemTranscripts([], [seg(0, 1, 'hello there')], project);
    expect(c).toMatchObject({
      words: 0,
      wordEdits: 2,
      wer: null,
      cer: null,
      matchedSegments: 0,
      boundaryDeviationMs: null,
    });
  });

  it('corpus WER is sum E / sum words(A), not the mean of item WERs', () => {
    const totals = emptyTranscriptTotals();
    addTranscript(totals, compareItemTranscripts([seg(0, 1, 'a')], [seg(0, 1, 'b')], project)); // 1/1
    addTranscript(
      totals,
      compareItemTranscripts(
        [seg(0, 1, 'a b c d e f g h i')],
        [seg(0, 1, 'a b c d e f g h i')],
        project,
      ),
    ); // 0/9
    expect(corpusFigures(totals).wer).toBeCloseTo(0.1, 15); // not (1 + 0) / 2
    expect(totals.items).toBe(2);
    expect(corpusFigures(emptyTranscriptTotals())).toEqual({
      wer: null,
      cer: null,
      boundaryDeviationMs: null,
    });
  });
});

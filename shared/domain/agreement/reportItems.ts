import type { ItemAgreement, ItemPairAgreement } from '../../api/schemas/agreement';
import type { AnnotationDoc } from '../../api/schemas/annotationDoc';
import type { TranscriptRules } from '../../api/schemas/instructionSpec';
import { compareItemBoxes, type ClassCounts } from './boxAgreement';
import { createConfusion, type ConfusionBuilder } from './confusion';
import { itemTagSet, tagSetKey } from './tagValues';
import {
  addTranscript,
  compareItemTranscripts,
  emptyTranscriptTotals,
  type TranscriptTotals,
} from './transcriptAgreement';

/**
 * The single pass over items behind the report: compare every pair of labelers on each
 * item once, keep running totals per pair, and record each item's contributions in columns
 * (indexed by compared item) so the bootstrap never has to compare anything again.
 */

/** Stable small integers for strings (class ids, tag values), in order of first sight. */
export class Interner {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  id(key: string): number {
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.index.set(key, k);
      this.keys.push(key);
    }
    return k;
  }
}

export interface PairState {
  /** Labeler indices; a < b. */
  a: number;
  b: number;
  items: number;
  itemsInFullAgreement: number;
  itemsWithBoxes: number;
  /** Items with at least one agreement, class conflict, only-A box, only-B box. */
  itemsWith: { agreement: number; conflict: number; onlyA: number; onlyB: number };
  totals: ClassCounts & { classConflicts: number; onlyA: number; onlyB: number; iouSum: number };
  /** Indexed by class id number. */
  classTotals: ClassCounts[];
  classItems: number[];
  /** Per compared item: agreements and nA + nB (bootstrap columns). */
  agreementCol: Float64Array;
  boxCol: Float64Array;
  /** Per compared item: the IoU summed over its agreement pairs (mean IoU's numerator). */
  iouCol: Float64Array;
  classAgreementCols: Float64Array[];
  classBoxCols: Float64Array[];
  confusion: ConfusionBuilder;
  transcripts: TranscriptTotals;
  /** Per compared item: tag value number of each labeler, -1 = missing. */
  tagA: Int32Array;
  tagB: Int32Array;
}

export interface ItemPassContext {
  labelers: readonly string[];
  pairs: PairState[];
  iou: number;
  rules: TranscriptRules;
  noDefectsTagId: string | null;
  classes: Interner;
  tagValues: Interner;
  /** Per class number: compared items in which any pair saw the class. */
  classItemsAny: number[];
  classSeenAt: number[];
}

export function createPairStates(
  labelerCount: number,
  itemCount: number,
  classIds: readonly string[],
): PairState[] {
  const pairs: PairState[] = [];
  for (let a = 0; a < labelerCount; a++) {
    for (let b = a + 1; b < labelerCount; b++) {
      pairs.push({
        a,
        b,
        items: 0,
        itemsInFullAgreement: 0,
        itemsWithBoxes: 0,
        itemsWith: { agreement: 0, conflict: 0, onlyA: 0, onlyB: 0 },
        totals: { nA: 0, nB: 0, agreements: 0, classConflicts: 0, onlyA: 0, onlyB: 0, iouSum: 0 },
        classTotals: [],
        classItems: [],
        agreementCol: new Float64Array(itemCount),
        boxCol: new Float64Array(itemCount),
        iouCol: new Float64Array(itemCount),
        classAgreementCols: [],
        classBoxCols: [],
        confusion: createConfusion(classIds),
        transcripts: emptyTranscriptTotals(),
        tagA: new Int32Array(itemCount).fill(-1),
        tagB: new Int32Array(itemCount).fill(-1),
      });
    }
  }
  return pairs;
}

export interface ItemPassResult {
  item: ItemAgreement;
  /** Tag value numbers of the labelers who tagged the item (for alpha over all labelers). */
  tagValues: number[];
  anyBoxes: boolean;
  anyTranscript: boolean;
  /** Whether any pair had an agreement, class conflict, only-A box, only-B box here. */
  any: { agreement: boolean; conflict: boolean; onlyA: boolean; onlyB: boolean };
}

/** Compares every pair of labelers on compared item number `i`, updating the pair states. */
export function compareItem(
  ctx: ItemPassContext,
  i: number,
  key: string,
  docs: ReadonlyArray<AnnotationDoc | undefined>,
): ItemPassResult {
  const tagSets = docs.map((d) => (d ? itemTagSet(d, ctx.noDefectsTagId) : null));
  const tagCats = tagSets.map((s) => (s === null ? -1 : ctx.tagValues.id(tagSetKey(s))));
  const itemPairs: ItemPairAgreement[] = [];
  let full = true;
  let disagreements = 0;
  let anyBoxes = false;
  let anyTranscript = false;
  const any = { agreement: false, conflict: false, onlyA: false, onlyB: false };
  for (const p of ctx.pairs) {
    const da = docs[p.a];
    const db = docs[p.b];
    if (!da || !db) continue;
    const cmp = compareItemBoxes(da.boxes, db.boxes, ctx.iou);
    p.items++;
    if (cmp.fullAgreement) p.itemsInFullAgreement++;
    else full = false;
    disagreements += cmp.classConflicts + cmp.onlyA + cmp.onlyB;
    const tot = p.totals;
    tot.nA += cmp.nA;
    tot.nB += cmp.nB;
    tot.agreements += cmp.agreements;
    tot.classConflicts += cmp.classConflicts;
    tot.onlyA += cmp.onlyA;
    tot.onlyB += cmp.onlyB;
    tot.iouSum += cmp.agreementIoUSum;
    const seen = {
      agreement: cmp.agreements > 0,
      conflict: cmp.classConflicts > 0,
      onlyA: cmp.onlyA > 0,
      onlyB: cmp.onlyB > 0,
    };
    for (const k of ['agreement', 'conflict', 'onlyA', 'onlyB'] as const) {
      if (!seen[k]) continue;
      p.itemsWith[k]++;
      any[k] = true;
    }
    p.iouCol[i] = cmp.agreementIoUSum;
    if (cmp.nA + cmp.nB > 0) {
      p.itemsWithBoxes++;
      anyBoxes = true;
      p.agreementCol[i] = cmp.agreements;
      p.boxCol[i] = cmp.nA + cmp.nB;
    }
    const n = p.agreementCol.length;
    const itemClasses: ItemPairAgreement['perClass'] = [];
    for (const [classId, c] of cmp.perClass) {
      const k = ctx.classes.id(classId);
      const ct = (p.classTotals[k] ??= { nA: 0, nB: 0, agreements: 0 });
      ct.nA += c.nA;
      ct.nB += c.nB;
      ct.agreements += c.agreements;
      p.classItems[k] = (p.classItems[k] ?? 0) + 1;
      (p.classAgreementCols[k] ??= new Float64Array(n))[i] = c.agreements;
      (p.classBoxCols[k] ??= new Float64Array(n))[i] = c.nA + c.nB;
      if (ctx.classSeenAt[k] !== i) {
        ctx.classSeenAt[k] = i;
        ctx.classItemsAny[k] = (ctx.classItemsAny[k] ?? 0) + 1;
      }
      itemClasses.push({ classId, nA: c.nA, nB: c.nB, agreements: c.agreements });
    }
    p.confusion.add(cmp);
    let transcript: ItemPairAgreement['transcript'] = null;
    if (da.segments.length > 0 || db.segments.length > 0) {
      const tc = compareItemTranscripts(da.segments, db.segments, ctx.rules);
      addTranscript(p.transcripts, tc);
      anyTranscript = true;
      transcript = {
        words: tc.words,
        wordEdits: tc.wordEdits,
        chars: tc.chars,
        charEdits: tc.charEdits,
        wer: tc.wer,
        cer: tc.cer,
        matchedSegments: tc.matchedSegments,
        boundaryDeviationMs: tc.boundaryDeviationMs,
      };
    }
    const ta = tagCats[p.a]!;
    const tb = tagCats[p.b]!;
    p.tagA[i] = ta;
    p.tagB[i] = tb;
    itemPairs.push({
      labelers: [ctx.labelers[p.a]!, ctx.labelers[p.b]!],
      fullAgreement: cmp.fullAgreement,
      nA: cmp.nA,
      nB: cmp.nB,
      agreements: cmp.agreements,
      classConflicts: cmp.classConflicts,
      onlyA: cmp.onlyA,
      onlyB: cmp.onlyB,
      meanIoU: cmp.agreements > 0 ? cmp.agreementIoUSum / cmp.agreements : null,
      perClass: itemClasses,
      confusion: cmp.confusion,
      tagsAgree: ta < 0 || tb < 0 ? null : ta === tb,
      transcript,
    });
  }
  const tags: Record<string, string[] | null> = {};
  docs.forEach((d, l) => {
    if (d) tags[ctx.labelers[l]!] = tagSets[l]!;
  });
  return {
    item: {
      itemKey: key,
      labelers: ctx.labelers.filter((_l, l) => docs[l] !== undefined),
      fullAgreement: full,
      disagreements,
      tags,
      pairs: itemPairs,
    },
    tagValues: tagCats.filter((c) => c >= 0),
    anyBoxes,
    anyTranscript,
    any,
  };
}

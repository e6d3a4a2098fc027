import type {
  AgreementReport,
  BoxAgreementSummary,
  ClassAgreement,
  ItemAgreement,
  PairAgreement,
  TagAgreementSummary,
  TranscriptAgreementSummary,
} from '../../api/schemas/agreement';
import type { AnnotationDoc } from '../../api/schemas/annotationDoc';
import type { TranscriptRules } from '../../api/schemas/instructionSpec';
import {
  bootstrapCi95,
  figureOnAllItems,
  type BootstrapFigure,
  type BootstrapOptions,
  type Ci95,
} from './bootstrap';
import { f1Score } from './boxAgreement';
import { assertIouThreshold } from './matchBoxes';
import {
  alphaFigure,
  classRow,
  f1Figure,
  kappaFigure,
  meanBoxes,
  meanFigure,
  meanOfDefined,
  meanTranscripts,
  ratioFigure,
  sortWorstFirst,
} from './reportFigures';
import {
  compareItem,
  createPairStates,
  Interner,
  type ItemPassContext,
  type PairState,
} from './reportItems';
import { RAW_TRANSCRIPT_RULES } from './textNormalize';
import { corpusFigures, type TranscriptTotals } from './transcriptAgreement';

/** labeler name -> item key -> that labeler's annotation. No entry = did not annotate the item. */
export type LabelerDocs = ReadonlyMap<string, ReadonlyMap<string, AnnotationDoc>>;

export interface AgreementInput {
  /** Report order; pairs are (labelers[i], labelers[j]) for i < j, the first being "A". */
  labelers: readonly string[];
  /** Items to compare (duplicates ignored); those fewer than two labelers annotated are skipped. */
  items: readonly string[];
  docs: LabelerDocs;
  /** IoU threshold t in (0, 1]; default 0.5. */
  iou?: number;
  /** classId -> display name; also lists classes to report even when nobody drew them. */
  classNames?: Readonly<Record<string, string>>;
  /** The project's transcript rules; default: compare texts as typed. */
  transcriptRules?: TranscriptRules;
  /** Id of the tag with `noDefects: true`, so the verdict and that tag are one value. */
  noDefectsTagId?: string | null;
  /** Default 1000 resamples, seed 1; `samples: 0` skips the intervals. */
  bootstrap?: BootstrapOptions;
  round?: string | null;
}

/**
 * The agreement report of product.md for a set of items and two or more labelers. Pure and
 * synchronous: the caller loads the annotations (respecting blindness) and fills `round`.
 */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const iou = input.iou ?? 0.5;
  assertIouThreshold(iou);
  const labelers = [...input.labelers];
  if (labelers.length < 2) throw new RangeError('agreement needs at least two labelers');
  if (new Set(labelers).size !== labelers.length) {
    throw new RangeError(`labelers are listed twice: ${labelers.join(', ')}`);
  }
  const boot = input.bootstrap ?? { samples: 1000, seed: 1 };
  const names = input.classNames ?? {};
  const docsOf = labelers.map((l) => input.docs.get(l));

  const compared: Array<{ key: string; docs: Array<AnnotationDoc | undefined> }> = [];
  let itemsSkipped = 0;
  for (const key of new Set(input.items)) {
    const docs = docsOf.map((m) => m?.get(key));
    if (docs.filter((d) => d !== undefined).length >= 2) compared.push({ key, docs });
    else itemsSkipped++;
  }
  const n = compared.length;

  const classes = new Interner();
  Object.keys(names).forEach((id) => classes.id(id));
  const pairs = createPairStates(labelers.length, n, classes.keys);
  const ctx: ItemPassContext = {
    labelers,
    pairs,
    iou,
    rules: input.transcriptRules ?? RAW_TRANSCRIPT_RULES,
    noDefectsTagId: input.noDefectsTagId ?? null,
    classes,
    tagValues: new Interner(),
    classItemsAny: [],
    classSeenAt: [],
  };
  const perItem: ItemAgreement[] = [];
  const allTagValues: number[][] = [];
  let itemsInFullAgreement = 0;
  let itemsWithBoxesAny = 0;
  let transcriptItemsAny = 0;
  const itemsWithAny = { agreement: 0, conflict: 0, onlyA: 0, onlyB: 0 };
  compared.forEach(({ key, docs }, i) => {
    const r = compareItem(ctx, i, key, docs);
    perItem.push(r.item);
    allTagValues.push(r.tagValues);
    if (r.item.fullAgreement) itemsInFullAgreement++;
    if (r.anyBoxes) itemsWithBoxesAny++;
    if (r.anyTranscript) transcriptItemsAny++;
    for (const k of ['agreement', 'conflict', 'onlyA', 'onlyB'] as const)
      if (r.any[k]) itemsWithAny[k]++;
  });

  // Every interval comes from one shared set of resamples; `targets[k]` receives figure k's.
  const figures: BootstrapFigure[] = [];
  const targets: Array<(ci: Ci95 | null) => void> = [];
  const want = (figure: BootstrapFigure, assign: (ci: Ci95 | null) => void) => {
    figures.push(figure);
    targets.push(assign);
  };
  const className = (id: string) => names[id] ?? id;
  const pairResults = pairs.map((p) => summarizePair(p, labelers, classes.keys, className, want));

  // Top level: the single pair itself, or means over the pairs that share items.
  const single = pairs.length === 1;
  const used = pairResults.filter((_x, k) => pairs[k]!.items > 0);
  let topBoxes: BoxAgreementSummary | null = null;
  if (!single) {
    const perClass = classes.keys.map((id, k) => {
      const rows = used.map((u) => u.summary.boxes.perClass[k]!);
      const avg = (f: (r: ClassAgreement) => number) =>
        rows.length > 0 ? rows.reduce((s, r) => s + f(r), 0) / rows.length : 0;
      const counts = {
        nA: avg((r) => r.nA),
        nB: avg((r) => r.nB),
        agreements: avg((r) => r.agreements),
      };
      const f1 = meanOfDefined(rows.map((r) => r.f1));
      const row = classRow(id, className(id), counts, ctx.classItemsAny[k] ?? 0, f1);
      const parts = used.map((u) => u.classFigures[k]).filter((f) => f !== undefined);
      if (parts.length > 0) want(meanFigure(parts), (ci) => (row.ci95 = ci));
      return row;
    });
    topBoxes = meanBoxes(
      used.map((u) => u.summary.boxes),
      perClass,
      itemsWithBoxesAny,
      itemsWithAny,
    );
    const boxes = topBoxes;
    if (used.length > 0) {
      want(meanFigure(used.map((u) => u.overall)), (ci) => (boxes.f1Ci95 = ci));
      want(meanFigure(used.map((u) => u.meanIoU)), (ci) => (boxes.meanIoUCi95 = ci));
    }
  }
  const allAlpha = alphaFigure(allTagValues);
  const topTags: TagAgreementSummary = {
    cohenKappa: null,
    cohenKappaCi95: null,
    cohenKappaItems: 0,
    krippendorffAlpha: figureOnAllItems(allAlpha),
    krippendorffAlphaCi95: null,
    krippendorffAlphaItems: allTagValues.filter((v) => v.length >= 2).length,
  };
  if (!single) want(allAlpha, (ci) => (topTags.krippendorffAlphaCi95 = ci));

  bootstrapCi95(n, figures, boot).forEach((ci, k) => targets[k]!(ci));

  const pairSummaries = pairResults.map((x) => x.summary);
  for (const s of pairSummaries) sortWorstFirst(s.boxes.perClass);
  const first = pairSummaries[0]!;
  return {
    round: input.round ?? null,
    iou,
    labelers,
    items: n,
    itemsInFullAgreement,
    itemsSkipped,
    boxes: single
      ? { ...first.boxes, perClass: first.boxes.perClass.map((r) => ({ ...r })) }
      : { ...topBoxes!, perClass: sortWorstFirst(topBoxes!.perClass) },
    // With exactly two labelers alpha over all labelers is the pair's alpha.
    tags: single ? { ...first.tags } : topTags,
    transcripts: single
      ? { ...first.transcripts }
      : meanTranscripts(
          used.map((u) => u.summary.transcripts),
          transcriptItemsAny,
        ),
    pairs: pairSummaries,
    perItem,
    bootstrap: { samples: Math.max(0, Math.floor(boot.samples)), seed: boot.seed },
  };
}

interface PairResult {
  summary: PairAgreement;
  overall: BootstrapFigure;
  meanIoU: BootstrapFigure;
  /** By class number; undefined where the pair never saw the class. */
  classFigures: Array<BootstrapFigure | undefined>;
}

function summarizePair(
  p: PairState,
  labelers: readonly string[],
  classIds: readonly string[],
  className: (id: string) => string,
  want: (figure: BootstrapFigure, assign: (ci: Ci95 | null) => void) => void,
): PairResult {
  const tot = p.totals;
  const boxes: BoxAgreementSummary = {
    f1: f1Score(tot.agreements, tot.nA, tot.nB),
    f1Ci95: null,
    items: p.itemsWithBoxes,
    meanIoU: tot.agreements > 0 ? tot.iouSum / tot.agreements : null,
    meanIoUCi95: null,
    meanIoUItems: p.itemsWith.agreement,
    nA: tot.nA,
    nB: tot.nB,
    agreements: tot.agreements,
    classConflicts: tot.classConflicts,
    onlyA: tot.onlyA,
    onlyB: tot.onlyB,
    conflictItems: p.itemsWith.conflict,
    onlyAItems: p.itemsWith.onlyA,
    onlyBItems: p.itemsWith.onlyB,
    perClass: [],
  };
  const overall = f1Figure(p.agreementCol, p.boxCol);
  want(overall, (ci) => (boxes.f1Ci95 = ci));
  const meanIoU = ratioFigure(p.iouCol, p.agreementCol);
  want(meanIoU, (ci) => (boxes.meanIoUCi95 = ci));
  const classFigures: Array<BootstrapFigure | undefined> = [];
  boxes.perClass = classIds.map((id, k) => {
    const counts = p.classTotals[k] ?? { nA: 0, nB: 0, agreements: 0 };
    const row = classRow(id, className(id), counts, p.classItems[k] ?? 0);
    const agr = p.classAgreementCols[k];
    const box = p.classBoxCols[k];
    if (agr && box) {
      const fig = f1Figure(agr, box);
      classFigures[k] = fig;
      want(fig, (ci) => (row.ci95 = ci));
    }
    return row;
  });

  const units = Array.from(p.tagA, (x, i) => (x >= 0 && p.tagB[i]! >= 0 ? [x, p.tagB[i]!] : []));
  const bothTagged = units.filter((u) => u.length === 2).length;
  const kappa = kappaFigure(p.tagA, p.tagB);
  const alpha = alphaFigure(units);
  const tags: TagAgreementSummary = {
    cohenKappa: figureOnAllItems(kappa),
    cohenKappaCi95: null,
    cohenKappaItems: bothTagged,
    krippendorffAlpha: figureOnAllItems(alpha),
    krippendorffAlphaCi95: null,
    krippendorffAlphaItems: bothTagged,
  };
  want(kappa, (ci) => (tags.cohenKappaCi95 = ci));
  want(alpha, (ci) => (tags.krippendorffAlphaCi95 = ci));

  return {
    summary: {
      labelers: [labelers[p.a]!, labelers[p.b]!],
      items: p.items,
      itemsInFullAgreement: p.itemsInFullAgreement,
      boxes,
      tags,
      transcripts: transcriptSummary(p.transcripts),
      confusion: p.confusion.result(),
    },
    overall,
    meanIoU,
    classFigures,
  };
}

function transcriptSummary(t: TranscriptTotals): TranscriptAgreementSummary {
  return {
    ...corpusFigures(t),
    items: t.items,
    words: t.words,
    wordEdits: t.wordEdits,
    chars: t.chars,
    charEdits: t.charEdits,
    matchedSegments: t.matchedSegments,
  };
}

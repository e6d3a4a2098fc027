import type { AgreementReport, Ci95 } from '../../../shared/api/schemas/agreement';
import { isAppError } from '../../../shared/api/envelope';
import { cliOwner } from '../../services/identity/actor';
import { agreementReport } from '../../services/agreement/agreementService';
import { roundByName } from '../../services/rounds/roundRepository';
import type { CliCommand } from '../cliTypes';
import { numberFlag, requireArg, stringFlag, UsageError } from '../cliTypes';

const fig = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits));
const ci = (c: Ci95) => (c ? ` [${c[0].toFixed(2)}, ${c[1].toFixed(2)}]` : '');
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** The report as text: the headline figures, then per class worst first, then the pairs. */
export function describeReport(r: AgreementReport): string[] {
  const b = r.boxes;
  const [a, bName] = r.labelers.length === 2 ? r.labelers : ['A', 'B'];
  const lines = [
    `Agreement${r.round ? ` of round ${r.round}` : ''} (IoU >= ${r.iou}): ${r.labelers.join(' vs ')}`,
    `  ${r.items} item(s) compared, ${r.itemsInFullAgreement} in full agreement${r.itemsSkipped ? `, ${r.itemsSkipped} skipped (fewer than two labelers)` : ''}`,
    `Boxes: F1 ${fig(b.f1)}${ci(b.f1Ci95)} over ${b.items} item(s), mean IoU ${fig(b.meanIoU)}${ci(b.meanIoUCi95)} in ${b.meanIoUItems} item(s); ` +
      `${count(b.agreements)} agreements, ${count(b.classConflicts)} class conflicts (${b.conflictItems} item(s)), ` +
      `${count(b.onlyA)} only-${a} (${b.onlyAItems} item(s)), ${count(b.onlyB)} only-${bName} (${b.onlyBItems} item(s))`,
  ];
  const perClass = b.perClass.filter((c) => c.nA + c.nB > 0);
  if (perClass.length) {
    lines.push('Per class, worst first:');
    const width = Math.max(...perClass.map((c) => c.class.length), 5);
    for (const c of perClass) {
      lines.push(
        `  ${c.class.padEnd(width)}  F1 ${fig(c.f1)}${ci(c.ci95).padEnd(15)}  ${String(c.items).padStart(4)} item(s)  ` +
          `nA ${count(c.nA)}, nB ${count(c.nB)}, agreements ${count(c.agreements)}`,
      );
    }
  }
  const t = r.tags;
  lines.push(
    `Tags: Cohen's kappa ${fig(t.cohenKappa)}${ci(t.cohenKappaCi95)} (${t.cohenKappaItems} item(s)), ` +
      `Krippendorff's alpha ${fig(t.krippendorffAlpha)}${ci(t.krippendorffAlphaCi95)} (${t.krippendorffAlphaItems} item(s))`,
  );
  const tr = r.transcripts;
  if (tr.items > 0) {
    lines.push(
      `Transcripts: WER ${fig(tr.wer, 3)}, CER ${fig(tr.cer, 3)}, boundary deviation ${tr.boundaryDeviationMs === null ? 'n/a' : `${Math.round(tr.boundaryDeviationMs)} ms`} over ${tr.items} item(s)`,
    );
  }
  if (r.pairs.length > 1) {
    lines.push('Pairs:');
    for (const p of r.pairs) {
      lines.push(
        `  ${p.labelers.join(' vs ')}: ${p.items} item(s), box F1 ${fig(p.boxes.f1)}${ci(p.boxes.f1Ci95)}, kappa ${fig(p.tags.cohenKappa)}` +
          (p.transcripts.items ? `, WER ${fig(p.transcripts.wer, 3)}` : ''),
      );
    }
  }
  return lines;
}

const NO_ITEMS = 'No items were annotated by two or more labelers yet.';

/** product.md's `--json` fields with nothing compared: counts 0, figures null. */
function emptyReport(round: string | null, iou: number, detail: string) {
  return {
    round,
    iou,
    labelers: [] as string[],
    items: 0,
    itemsInFullAgreement: 0,
    itemsSkipped: 0,
    boxes: {
      f1: null,
      meanIoU: null,
      agreements: 0,
      classConflicts: 0,
      onlyA: 0,
      onlyB: 0,
      perClass: [],
    },
    tags: { cohenKappa: null, krippendorffAlpha: null },
    transcripts: { wer: null, cer: null, boundaryDeviationMs: null },
    pairs: [],
    perItem: [],
    note: `${NO_ITEMS} ${detail}`,
  };
}

export const agreementCommand: CliCommand = {
  words: ['agreement'],
  usage:
    'concord agreement P [--round R] [--iou T] [--instructions-version V] [--bootstrap N] [--json]',
  summary: 'agreement between labelers (of a round, or of every item two or more people annotated)',
  valueFlags: ['round', 'iou', 'instructions-version', 'bootstrap'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    if (ctx.args.length > 1) throw new UsageError(`unexpected argument "${ctx.args[1]}"`);
    const iou = numberFlag(ctx, 'iou', (n) => n > 0 && n <= 1, 'above 0 and at most 1') ?? 0.5;
    const version = numberFlag(
      ctx,
      'instructions-version',
      (n) => Number.isInteger(n) && n >= 1,
      'a version number',
    );
    const samples = numberFlag(
      ctx,
      'bootstrap',
      (n) => Number.isInteger(n) && n >= 0 && n <= 100_000,
      'a whole number of resamples (0-100000)',
    );
    const { db } = ctx.services().host.open(file);
    const roundName = stringFlag(ctx, 'round');
    const roundId = roundName !== undefined ? roundByName(db, roundName).id : undefined;
    let report: AgreementReport;
    try {
      report = agreementReport(db, cliOwner, {
        roundId,
        iou,
        instructionsVersion: version,
        bootstrapSamples: samples,
      });
    } catch (e) {
      // "No data yet" is an answer, not a failure: scripts get a valid document and exit 0.
      if (!(isAppError(e) && e.code === 'NOT_FOUND' && e.message.startsWith('Nothing to compare')))
        throw e;
      if (ctx.json)
        ctx.io.out(JSON.stringify(emptyReport(roundName ?? null, iou, e.message), null, 2));
      else {
        ctx.io.out(NO_ITEMS);
        ctx.io.out(`(${e.message})`);
      }
      return 0;
    }
    if (ctx.json) {
      // Items are keyed by asset id; add the relative path so scripts need no second lookup.
      const pathOf = db.prepare('SELECT rel_path FROM assets WHERE id = ?').pluck();
      const perItem = report.perItem.map((i) => ({
        ...i,
        file: pathOf.get(Number(i.itemKey)) as string,
      }));
      ctx.io.out(JSON.stringify({ ...report, perItem }, null, 2));
      return 0;
    }
    for (const line of describeReport(report)) ctx.io.out(line);
    return 0;
  },
};

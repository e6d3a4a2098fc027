import type { ReactNode } from 'react';
import type { AgreementView, ItemFilter } from '../../../../shared/api/schemas/agreementChannels';
import { fmt, fmtCi, fmtCount, qualityColor } from './chartMath';

type Report = AgreementView['report'];

function Card({
  title,
  value,
  sub,
  tone,
  onClick,
  hint,
}: {
  title: string;
  value: ReactNode;
  sub?: ReactNode;
  tone?: string;
  onClick?: (() => void) | undefined;
  hint: string;
}) {
  const body = (
    <>
      <span className="ag-card-title">{title}</span>
      <span className="ag-card-value" style={tone ? { color: tone } : undefined}>
        {value}
      </span>
      {sub && <span className="ag-card-sub">{sub}</span>}
    </>
  );
  return onClick ? (
    <button
      className="ag-card is-clickable"
      onClick={onClick}
      title={hint}
      aria-label={`${title}: ${hint}`}
    >
      {body}
    </button>
  ) : (
    <div className="ag-card" title={hint}>
      {body}
    </div>
  );
}

const ci = (c: [number, number] | null) => (c ? `95% CI ${fmtCi(c)}` : 'no interval');

/** The headline figures; each one opens the items behind it. */
export function SummaryCards({
  report,
  onDrill,
}: {
  report: Report;
  /** Absent for labelers: the items behind a figure are for leads. */
  onDrill?: ((title: string, filter: ItemFilter) => void) | undefined;
}) {
  const b = report.boxes;
  const t = report.tags;
  const tr = report.transcripts;
  const two = report.labelers.length === 2;
  const [a, bName] = two ? report.labelers : ['first', 'second'];
  const pct = report.items ? Math.round((100 * report.itemsInFullAgreement) / report.items) : 0;
  return (
    <div className="ag-cards">
      <Card
        title="Full agreement"
        value={`${report.itemsInFullAgreement} / ${report.items}`}
        sub={`${pct}% of items · ${report.items - report.itemsInFullAgreement} disagree`}
        hint="Show the items with any disagreement"
        onClick={onDrill && (() => onDrill('Items with a disagreement', { kind: 'disagreement' }))}
      />
      <Card
        title="Box F1"
        value={fmt(b.f1)}
        tone={qualityColor(b.f1)}
        sub={`${ci(b.f1Ci95)} · n=${b.items} items`}
        hint="Show the items where the boxes disagree"
        onClick={
          onDrill && (() => onDrill('Items with a box disagreement', { kind: 'disagreement' }))
        }
      />
      <Card
        title="Mean IoU"
        value={fmt(b.meanIoU)}
        sub={`over ${fmtCount(b.agreements)} agreements`}
        hint="Mean IoU of the matched boxes with the same class"
      />
      <Card
        title="Class conflicts"
        value={fmtCount(b.classConflicts)}
        sub="same box, different class"
        hint="Show the items with a class conflict"
        onClick={onDrill && (() => onDrill('Class conflicts', { kind: 'conflict' }))}
      />
      <Card
        title={`Only ${a}`}
        value={fmtCount(b.onlyA)}
        sub={`boxes ${two ? bName : 'the other'} did not draw`}
        hint={`Show the items with boxes only ${a} drew`}
        onClick={onDrill && (() => onDrill(`Boxes only ${a} drew`, { kind: 'onlyA' }))}
      />
      <Card
        title={`Only ${bName}`}
        value={fmtCount(b.onlyB)}
        sub={`boxes ${two ? a : 'the other'} did not draw`}
        hint={`Show the items with boxes only ${bName} drew`}
        onClick={onDrill && (() => onDrill(`Boxes only ${bName} drew`, { kind: 'onlyB' }))}
      />
      <Card
        title={two ? 'Tag kappa' : 'Tag alpha'}
        value={fmt(two ? t.cohenKappa : t.krippendorffAlpha)}
        tone={qualityColor(two ? t.cohenKappa : t.krippendorffAlpha)}
        sub={
          (two ? t.cohenKappaItems : t.krippendorffAlphaItems) === 0
            ? 'no item tags to compare'
            : two
              ? `Cohen · ${ci(t.cohenKappaCi95)} · n=${t.cohenKappaItems} · α ${fmt(t.krippendorffAlpha)}`
              : `Krippendorff · ${ci(t.krippendorffAlphaCi95)} · n=${t.krippendorffAlphaItems}`
        }
        hint="Show the items whose tags differ"
        onClick={onDrill && (() => onDrill('Items whose tags differ', { kind: 'tagDisagreement' }))}
      />
      {tr.items > 0 && (
        <Card
          title="Transcripts"
          value={`WER ${fmt(tr.wer)}`}
          sub={`CER ${fmt(tr.cer)} · boundaries ±${tr.boundaryDeviationMs === null ? 'n/a' : `${Math.round(tr.boundaryDeviationMs)} ms`} · n=${tr.items}`}
          hint="Word and character error rate between the labelers' transcripts"
        />
      )}
    </div>
  );
}

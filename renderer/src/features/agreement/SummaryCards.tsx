import type { CSSProperties, ReactNode } from 'react';
import type { AgreementView, ItemFilter } from '../../../../shared/api/schemas/agreementChannels';
import { cardColumns, countOf, fmt, fmtCi, fmtCount, qualityColor } from './chartMath';

type Report = AgreementView['report'];

function Card({
  title,
  value,
  sub,
  n,
  tone,
  onClick,
  selected = false,
  hint,
}: {
  title: string;
  value: ReactNode;
  sub?: ReactNode;
  /** The evidence behind the figure: its interval and how many items. */
  n?: ReactNode;
  tone?: string;
  onClick?: (() => void) | undefined;
  /** The figure whose items the drawer lists. */
  selected?: boolean;
  hint: string;
}) {
  const body = (
    <>
      <span className="ag-card-title">{title}</span>
      <span className="ag-card-value" style={tone ? { color: tone } : undefined}>
        {value}
      </span>
      {sub && <span className="ag-card-sub">{sub}</span>}
      {n && <span className="ag-card-n">{n}</span>}
    </>
  );
  return onClick ? (
    <button
      className={`ag-card is-clickable ${selected ? 'is-selected' : ''}`}
      onClick={onClick}
      title={hint}
      aria-label={`${title}: ${hint}`}
      aria-pressed={selected}
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
const items = (n: number) => countOf(n, 'item');

/** The headline figures; each one opens the items behind it. */
export function SummaryCards({
  report,
  onDrill,
  selectedTitle = null,
}: {
  report: Report;
  /** Absent for labelers: the items behind a figure are for leads. */
  onDrill?: ((title: string, filter: ItemFilter) => void) | undefined;
  /** Title of the list the drawer shows, to mark the card it came from. */
  selectedTitle?: string | null;
}) {
  const b = report.boxes;
  const t = report.tags;
  const tr = report.transcripts;
  const two = report.labelers.length === 2;
  const [a, bName] = two ? report.labelers : ['first', 'second'];
  const pct = report.items ? Math.round((100 * report.itemsInFullAgreement) / report.items) : 0;
  const of = (n: number) => `in ${fmtCount(n)} of ${items(report.items)}`;
  const drill = (title: string, filter: ItemFilter) =>
    onDrill && {
      onClick: () => onDrill(title, filter),
      selected: selectedTitle === title,
    };
  const kappaItems = two ? t.cohenKappaItems : t.krippendorffAlphaItems;
  const cards = [
    <Card
      key="full"
      title="Full agreement"
      value={`${report.itemsInFullAgreement} / ${report.items}`}
      sub={`${pct}% of items`}
      n={`${items(report.items - report.itemsInFullAgreement)} disagree`}
      hint="Show the items with any disagreement"
      {...drill('Items with a disagreement', { kind: 'disagreement' })}
    />,
    <Card
      key="f1"
      title="Box F1"
      value={fmt(b.f1)}
      tone={qualityColor(b.f1)}
      sub={ci(b.f1Ci95)}
      n={`n = ${items(b.items)} with boxes`}
      hint="Show the items where the boxes disagree"
      {...drill('Items with a box disagreement', { kind: 'disagreement' })}
    />,
    <Card
      key="iou"
      title="Mean IoU"
      value={fmt(b.meanIoU)}
      sub={b.meanIoU === null ? 'no matched boxes' : ci(b.meanIoUCi95)}
      n={`${countOf(b.agreements, 'matched pair')} ${of(b.meanIoUItems)}`}
      hint="Mean IoU of the matched boxes with the same class, with its 95% bootstrap interval"
    />,
    <Card
      key="conflicts"
      title="Class conflicts"
      value={fmtCount(b.classConflicts)}
      sub="same box, different class"
      n={of(b.conflictItems)}
      hint="Show the items with a class conflict"
      {...drill('Class conflicts', { kind: 'conflict' })}
    />,
    <Card
      key="onlyA"
      title={`Only ${a}`}
      value={fmtCount(b.onlyA)}
      sub={`boxes ${two ? bName : 'the other'} did not draw`}
      n={of(b.onlyAItems)}
      hint={`Show the items with boxes only ${a} drew`}
      {...drill(`Boxes only ${a} drew`, { kind: 'onlyA' })}
    />,
    <Card
      key="onlyB"
      title={`Only ${bName}`}
      value={fmtCount(b.onlyB)}
      sub={`boxes ${two ? a : 'the other'} did not draw`}
      n={of(b.onlyBItems)}
      hint={`Show the items with boxes only ${bName} drew`}
      {...drill(`Boxes only ${bName} drew`, { kind: 'onlyB' })}
    />,
    <Card
      key="tags"
      title={two ? 'Tag kappa' : 'Tag alpha'}
      value={fmt(two ? t.cohenKappa : t.krippendorffAlpha)}
      tone={qualityColor(two ? t.cohenKappa : t.krippendorffAlpha)}
      sub={
        kappaItems === 0
          ? 'no item tags to compare'
          : `${two ? 'Cohen' : 'Krippendorff'} · ${ci(two ? t.cohenKappaCi95 : t.krippendorffAlphaCi95)}`
      }
      n={
        kappaItems === 0
          ? undefined
          : `n = ${items(kappaItems)}${two ? ` · α ${fmt(t.krippendorffAlpha)}` : ''}`
      }
      hint="Show the items whose tags differ"
      {...drill('Items whose tags differ', { kind: 'tagDisagreement' })}
    />,
  ];
  if (tr.items > 0)
    cards.push(
      <Card
        key="transcripts"
        title="Transcripts"
        value={`WER ${fmt(tr.wer)}`}
        sub={`CER ${fmt(tr.cer)} · boundaries ±${tr.boundaryDeviationMs === null ? 'n/a' : `${Math.round(tr.boundaryDeviationMs)} ms`}`}
        n={`n = ${items(tr.items)}`}
        hint="Word and character error rate between the labelers' transcripts"
      />,
    );
  return (
    <div
      className="ag-cards"
      // The column count is a CSS variable so narrow layouts (agreement.css) can override it.
      style={{ '--ag-cols': cardColumns(cards.length) } as CSSProperties}
    >
      {cards}
    </div>
  );
}

import type { ClassAgreement } from '../../../../shared/api/schemas/agreement';
import { clickable } from './clickable';
import { countOf, fmt, fmtCi, fmtCount, qualityColor, scaleLinear, shorten } from './chartMath';

const ROW = 30;
const LABEL_W = 170;
const BAR_W = 330;
const RIGHT_W = 150;
const TOP = 22;

/**
 * Per-class F1, worst first: one bar per class with its 95% bootstrap interval as a
 * whisker and the number of items behind it. Clicking a row lists the items where the
 * labelers disagree on that class.
 */
export function ClassF1Chart({
  rows,
  colorOf,
  onPick,
  selectedId = null,
}: {
  rows: readonly ClassAgreement[];
  colorOf: (classId: string) => string;
  /** Absent for labelers: the items behind a figure are for leads. */
  onPick?: ((row: ClassAgreement) => void) | undefined;
  /** The class whose items the drawer lists: marked until the drawer shows something else. */
  selectedId?: string | null;
}) {
  const shown = rows.filter((r) => r.nA + r.nB > 0);
  if (shown.length === 0)
    return <div className="ag-empty">No boxes were drawn in this comparison.</div>;
  const x = scaleLinear(0, 1, LABEL_W, LABEL_W + BAR_W);
  const height = TOP + shown.length * ROW + 8;
  const width = LABEL_W + BAR_W + RIGHT_W;
  return (
    <svg
      className="ag-chart"
      viewBox={`0 0 ${width} ${height}`}
      // Drawn at its own size, scaled down only when the panel is narrower: opening the
      // drawer beside it then does not move the rows under a resting pointer.
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto' }}
      role="group"
      aria-label="F1 per class, worst first"
    >
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={height - 6} className="ag-grid" />
          <text x={x(t)} y={TOP - 9} textAnchor="middle" className="ag-axis">
            {t === 0 || t === 1 ? t : t.toFixed(2)}
          </text>
        </g>
      ))}
      {shown.map((r, i) => {
        const y = TOP + i * ROW;
        const mid = y + ROW / 2;
        const f1 = r.f1 ?? 0;
        return (
          <g
            key={r.classId}
            className={`${onPick ? 'ag-row' : 'ag-row-static'} ${r.classId === selectedId ? 'is-selected' : ''}`}
            {...(onPick ? clickable(() => onPick(r)) : {})}
            {...(onPick ? { 'aria-pressed': r.classId === selectedId } : {})}
            aria-label={`${r.class}: F1 ${fmt(r.f1)}${r.ci95 ? `, 95% interval ${fmtCi(r.ci95)}` : ''}, ${countOf(r.items, 'item')}.${onPick ? ' Show the items.' : ''}`}
          >
            <rect x={0} y={y + 1} width={width} height={ROW - 2} className="ag-row-hit" rx={4} />
            <rect x={6} y={mid - 5} width={10} height={10} rx={2} fill={colorOf(r.classId)} />
            <text x={22} y={mid + 4} className="ag-label">
              <title>{r.class}</title>
              {shorten(r.class, 20)}
            </text>
            <rect
              x={x(0)}
              y={mid - 7}
              width={Math.max(1, x(f1) - x(0))}
              height={14}
              rx={2}
              fill={qualityColor(r.f1)}
            />
            {r.ci95 && (
              <g className="ag-whisker">
                <line x1={x(r.ci95[0])} x2={x(r.ci95[1])} y1={mid} y2={mid} />
                <line x1={x(r.ci95[0])} x2={x(r.ci95[0])} y1={mid - 5} y2={mid + 5} />
                <line x1={x(r.ci95[1])} x2={x(r.ci95[1])} y1={mid - 5} y2={mid + 5} />
              </g>
            )}
            <text x={LABEL_W + BAR_W + 12} y={mid + 4} className="ag-value">
              {fmt(r.f1)}
              <tspan className="ag-value-n" dx={8}>
                n={r.items} item{r.items === 1 ? '' : 's'}
              </tspan>
            </text>
            <title>{`${r.class}: F1 ${fmt(r.f1)} (95% CI ${fmtCi(r.ci95) || 'n/a'}) · ${countOf(r.agreements, 'agreement')} of ${fmtCount(r.nA)} + ${countOf(r.nB, 'box', 'boxes')} · ${countOf(r.items, 'item')}`}</title>
          </g>
        );
      })}
    </svg>
  );
}

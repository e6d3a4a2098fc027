import { useState } from 'react';
import type { AgreementTrend, TrendPoint } from '../../../../shared/api/schemas/agreementChannels';
import { clickable } from './clickable';
import { coincidentOffsets, countOf, fmt, fmtCi, scaleLinear, shorten } from './chartMath';

const W = 560;
const H = 230;
const PAD = { left: 44, right: 44, top: 14, bottom: 36 };

/**
 * F1 across rounds (or instruction versions): the overall F1 with its 95% band, and one
 * thin line per class. Clicking a class in the legend highlights it; clicking a point opens
 * that round.
 */
export function TrendChart({
  trend,
  selectedRoundId,
  onPickPoint,
}: {
  trend: AgreementTrend;
  selectedRoundId: number | null;
  onPickPoint: (p: TrendPoint) => void;
}) {
  const [focus, setFocus] = useState<string | null>(null);
  const pts = trend.points;
  if (pts.length === 0) {
    return (
      <div className="ag-empty">
        Nothing to plot yet
        {trend.hiddenRounds.length
          ? ` (open rounds are hidden: ${trend.hiddenRounds.join(', ')})`
          : ''}
        .
      </div>
    );
  }
  const x = scaleLinear(
    0,
    Math.max(1, pts.length - 1),
    PAD.left + (pts.length === 1 ? (W - PAD.left - PAD.right) / 2 : 0),
    W - PAD.right,
  );
  const y = scaleLinear(0, 1, H - PAD.bottom, PAD.top);
  const line = (values: Array<number | null>) =>
    values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .reduce<string[][]>(
        (segs, p) => {
          if (p === null) segs.push([]);
          else segs[segs.length - 1]!.push(p);
          return segs;
        },
        [[]],
      )
      .filter((s) => s.length > 0)
      .map((s) => `M${s.join('L')}`)
      .join(' ');
  const band = pts.every((p) => p.f1Ci95)
    ? `M${pts.map((p, i) => `${x(i)},${y(p.f1Ci95![1])}`).join('L')}L${pts
        .map((p, i) => `${x(i)},${y(p.f1Ci95![0])}`)
        .reverse()
        .join('L')}Z`
    : null;
  const classes = trend.classes.filter((c) =>
    pts.some((p) => p.perClass.some((k) => k.classId === c.id && k.f1 !== null)),
  );
  const classValues = (id: string) =>
    pts.map((p) => p.perClass.find((k) => k.classId === id)?.f1 ?? null);
  // Equal values would draw markers on top of each other: spread them sideways a little, and
  // let the tooltip of every marker at an x list all series there.
  const offsets = pts.map((p, i) =>
    coincidentOffsets(
      [p.f1, ...classes.map((c) => classValues(c.id)[i] ?? null)].map((v) =>
        v === null ? null : y(v),
      ),
      7,
      8,
    ),
  );
  const dx = (i: number, series: number) => offsets[i]?.[series] ?? 0;
  const tooltip = (i: number) => {
    const p = pts[i]!;
    const rows = [
      `overall F1 ${fmt(p.f1)}${p.f1Ci95 ? ` (${fmtCi(p.f1Ci95)})` : ''}`,
      ...classes.flatMap((c) => {
        const v = classValues(c.id)[i] ?? null;
        return v === null ? [] : [`${c.name} ${fmt(v)}`];
      }),
      `kappa ${fmt(p.cohenKappa)}`,
    ];
    return `${p.label} · ${countOf(p.items, 'item')}\n${rows.join('\n')}`;
  };
  const columnWidth = pts.length > 1 ? (W - PAD.left - PAD.right) / (pts.length - 1) : 80;
  return (
    <div className="ag-trend">
      <svg
        className="ag-chart"
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W }}
        role="group"
        aria-label="F1 trend"
      >
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="ag-grid" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="ag-axis">
              {t}
            </text>
          </g>
        ))}
        {band && <path d={band} className="ag-band" />}
        {classes.map((c, ci) => {
          const cls = `ag-class-line ${focus === null ? '' : focus === c.id ? 'is-focus' : 'is-dim'}`;
          return (
            <g key={c.id} className={cls}>
              <path d={line(classValues(c.id))} stroke={c.color} />
              {/* Dots too: a class seen in one round only has no line to draw. */}
              {classValues(c.id).map((v, i) =>
                v === null ? null : (
                  <circle key={i} cx={x(i) + dx(i, ci + 1)} cy={y(v)} r={3} fill={c.color}>
                    <title>{tooltip(i)}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
        <path d={line(pts.map((p) => p.f1))} className="ag-overall-line" />
        {pts.map((p, i) => (
          <g
            key={p.label}
            className={`ag-point ${p.roundId !== null && p.roundId === selectedRoundId ? 'is-selected' : ''}`}
            {...clickable(() => onPickPoint(p))}
            aria-label={`${p.label}: F1 ${fmt(p.f1)}${p.f1Ci95 ? ` (95% interval ${fmtCi(p.f1Ci95)})` : ''}, ${countOf(p.items, 'item')}`}
          >
            {/* The whole column answers hover and click, so stacked markers stay reachable. */}
            <rect
              className="ag-point-column"
              x={x(i) - Math.min(columnWidth / 2, 40)}
              width={Math.min(columnWidth, 80)}
              y={PAD.top}
              height={H - PAD.top - PAD.bottom}
            />
            <circle cx={x(i) + dx(i, 0)} cy={y(p.f1 ?? 0)} r={p.f1 === null ? 0 : 5} />
            <text
              x={x(i)}
              y={H - PAD.bottom + 16}
              textAnchor="middle"
              className="ag-axis ag-axis-x"
            >
              {p.label}
            </text>
            <text
              x={x(i)}
              y={H - PAD.bottom + 29}
              textAnchor="middle"
              className="ag-axis ag-axis-n"
            >
              {countOf(p.items, 'item')}
              {p.instructionsVersion !== null && p.roundId !== null
                ? ` · v${p.instructionsVersion}`
                : ''}
            </text>
            <title>{tooltip(i)}</title>
          </g>
        ))}
      </svg>
      <div className="ag-legend" role="group" aria-label="Classes in the trend">
        <span className="ag-legend-item ag-legend-overall">
          <span className="ag-swatch ag-swatch-overall" /> overall
        </span>
        {classes.map((c) => (
          <button
            key={c.id}
            className={`ag-legend-item ${focus === c.id ? 'is-focus' : ''}`}
            aria-pressed={focus === c.id}
            onClick={() => setFocus(focus === c.id ? null : c.id)}
            title={c.name}
          >
            <span className="ag-swatch" style={{ background: c.color }} />
            {shorten(c.name, 18)}
            {focus === c.id && (
              <span className="muted">
                {' '}
                {classValues(c.id)
                  .map((v) => fmt(v))
                  .join(' → ')}
              </span>
            )}
          </button>
        ))}
      </div>
    </div>
  );
}

import type { ConfusionMatrix } from '../../../../shared/api/schemas/agreement';
import { clickable } from './clickable';
import { heatColor, heatTextColor, shorten } from './chartMath';

const CELL = 40;
const LEFT = 130;
const TOP = 110;

/**
 * The class-confusion matrix between two labelers as a heat map: rows are the first
 * labeler's classes, columns the second's, the last row and column "no box" (only-B,
 * only-A). Agreements on the diagonal are green, disagreements red. Every cell with a count
 * lists its items when clicked.
 */
export function ConfusionHeatmap({
  confusion,
  labelers,
  nameOf,
  onPick,
  selected = null,
}: {
  confusion: ConfusionMatrix;
  labelers: [string, string];
  nameOf: (classId: string) => string;
  /** Absent for labelers: the items behind a figure are for leads. */
  onPick?: ((a: string | null, b: string | null, label: string) => void) | undefined;
  /** The cell whose items the drawer lists. */
  selected?: { a: string | null; b: string | null } | null;
}) {
  const n = confusion.classIds.length;
  // Only classes that occur anywhere in the matrix; "none" always last.
  const used = confusion.classIds
    .map((_, k) => k)
    .filter(
      (k) => confusion.matrix[k]!.some((c) => c > 0) || confusion.matrix.some((row) => row[k]! > 0),
    );
  const axis = [...used, n];
  if (used.length === 0) return <div className="ag-empty">No boxes to compare.</div>;
  const label = (k: number) => (k === n ? 'no box' : nameOf(confusion.classIds[k]!));
  const id = (k: number) => (k === n ? null : confusion.classIds[k]!);
  const max = Math.max(1, ...confusion.matrix.flat());
  const size = axis.length * CELL;
  const width = LEFT + size + 8;
  const height = TOP + size + 8;
  return (
    <svg
      className="ag-chart ag-heatmap"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="group"
      aria-label={`Class confusion: ${labelers[0]} (rows) vs ${labelers[1]} (columns)`}
    >
      <text x={LEFT + size / 2} y={14} textAnchor="middle" className="ag-axis-title">
        {labelers[1]} →
      </text>
      <text
        x={12}
        y={TOP + size / 2}
        textAnchor="middle"
        className="ag-axis-title"
        transform={`rotate(-90 12 ${TOP + size / 2})`}
      >
        {labelers[0]} →
      </text>
      {axis.map((k, j) => (
        <text
          key={`c${k}`}
          x={LEFT + j * CELL + CELL / 2}
          y={TOP - 8}
          className={`ag-label ${k === n ? 'ag-label-none' : ''}`}
          transform={`rotate(-45 ${LEFT + j * CELL + CELL / 2} ${TOP - 8})`}
        >
          {shorten(label(k), 14)}
        </text>
      ))}
      {axis.map((r, i) => (
        <g key={`r${r}`}>
          <text
            x={LEFT - 8}
            y={TOP + i * CELL + CELL / 2 + 4}
            textAnchor="end"
            className={`ag-label ${r === n ? 'ag-label-none' : ''}`}
          >
            {shorten(label(r), 16)}
          </text>
          {axis.map((c, j) => {
            const count = confusion.matrix[r]![c]!;
            const diagonal = r === c && r !== n;
            const x = LEFT + j * CELL;
            const y = TOP + i * CELL;
            const what = diagonal
              ? `${count} agreements on ${label(r)}`
              : r === n
                ? `${count} ${label(c)} ${count === 1 ? 'box' : 'boxes'} only ${labelers[1]} drew`
                : c === n
                  ? `${count} ${label(r)} ${count === 1 ? 'box' : 'boxes'} only ${labelers[0]} drew`
                  : `${count} ${count === 1 ? 'box' : 'boxes'} ${labelers[0]} called ${label(r)} and ${labelers[1]} called ${label(c)}`;
            const cell = (
              <>
                <rect
                  x={x + 1}
                  y={y + 1}
                  width={CELL - 2}
                  height={CELL - 2}
                  rx={3}
                  fill={r === n && c === n ? '#ffffff' : heatColor(count, max, diagonal)}
                />
                {count > 0 && (
                  <text
                    x={x + CELL / 2}
                    y={y + CELL / 2 + 4}
                    textAnchor="middle"
                    className="ag-cell-text"
                    fill={heatTextColor(count, max)}
                  >
                    {count}
                  </text>
                )}
                <title>{what}</title>
              </>
            );
            const isSelected = selected !== null && selected.a === id(r) && selected.b === id(c);
            return count > 0 && onPick ? (
              <g
                key={c}
                className={`ag-cell ${isSelected ? 'is-selected' : ''}`}
                aria-pressed={isSelected}
                {...clickable(() => onPick(id(r), id(c), what))}
                aria-label={`${what}. Show the items.`}
              >
                {cell}
              </g>
            ) : (
              <g key={c}>{cell}</g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

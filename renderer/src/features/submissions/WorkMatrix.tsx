import type { WorkCounts, WorkOverview } from '../../../../shared/api/schemas/workOverview';
import type { StateFilter } from './submissionsModel';
import { STATES, countOf, stateLabel } from './submissionsModel';
import { submissionsActions, useSubmissionsStore } from './submissionsStore';

const filters: readonly StateFilter[] = [...STATES, 'all'];
const headLabel = (f: StateFilter) => (f === 'all' ? 'All' : stateLabel[f]);

function Cell({
  labelerId,
  who,
  filter,
  counts,
}: {
  labelerId: number | null;
  who: string;
  filter: StateFilter;
  counts: WorkCounts;
}) {
  const active = useSubmissionsStore((s) => s.labelerId === labelerId && s.state === filter);
  const n = countOf(counts, filter);
  return (
    <td>
      <button
        className={`sub-cell sub-cell-${filter} ${active ? 'is-active' : ''} ${n === 0 ? 'is-zero' : ''}`}
        aria-pressed={active}
        aria-label={`${who}: ${n} ${headLabel(filter).toLowerCase()}`}
        onClick={() => submissionsActions.filter(labelerId, filter)}
      >
        {n.toLocaleString('en-US')}
      </button>
    </td>
  );
}

/**
 * Everyone's work per state, one row per person plus the team's total. Each number is a
 * filter: click it to list those items.
 */
export function WorkMatrix({ overview }: { overview: WorkOverview }) {
  const multi = overview.labelers.length > 1;
  return (
    <div className="sub-matrix-wrap">
      <table className="sub-matrix" aria-label="Work per labeler and state">
        <thead>
          <tr>
            <th>Labeler</th>
            {filters.map((f) => (
              <th key={f} className="num">
                {headLabel(f)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {multi && (
            <tr className="sub-matrix-total">
              <th scope="row">Everyone</th>
              {filters.map((f) => (
                <Cell key={f} labelerId={null} who="Everyone" filter={f} counts={overview.counts} />
              ))}
            </tr>
          )}
          {overview.labelers.map((l) => (
            <tr key={l.labelerId}>
              <th scope="row">{l.name}</th>
              {filters.map((f) => (
                <Cell
                  key={f}
                  labelerId={multi ? l.labelerId : null}
                  who={l.name}
                  filter={f}
                  counts={l.counts}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

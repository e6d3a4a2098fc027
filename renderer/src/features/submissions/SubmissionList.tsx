import { useEffect, useRef } from 'react';
import type { WorkRow } from '../../../../shared/api/schemas/workOverview';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import { ago, plural, rowKey, stateLabel } from './submissionsModel';
import { submissionsActions, useSubmissionsStore } from './submissionsStore';

function Row({ row, selected }: { row: WorkRow; selected: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={ref}
      role="option"
      aria-selected={selected}
      className={`sub-row ${selected ? 'is-selected' : ''}`}
      onClick={() => submissionsActions.select(rowKey(row))}
    >
      <span className="sub-thumb">
        {row.kind === 'image' ? (
          <img src={api.assetUrl(row.assetId, 'thumb')} alt="" loading="lazy" />
        ) : (
          <Icon name="audio" size={22} />
        )}
      </span>
      <span className="sub-row-main">
        <span className="sub-row-name" title={row.relPath}>
          {row.fileName}
        </span>
        <span className="sub-row-meta muted">
          <span className="sub-who">{row.labelerName}</span>
          {row.roundName && <span className="tag tag-muted">round {row.roundName}</span>}
          {row.kind === 'image' && <span>{plural(row.boxCount, 'box', 'boxes')}</span>}
          <span title={new Date(row.updatedAt).toLocaleString()}>{ago(row.updatedAt)}</span>
          {row.status === 'submitted' && row.comment && (
            <span className="tag tag-accent" title={`Sent back earlier: ${row.comment}`}>
              resubmitted
            </span>
          )}
        </span>
        {row.status === 'sent_back' && row.comment && (
          <span className="sub-row-comment" title={row.comment}>
            “{row.comment}”
          </span>
        )}
      </span>
      <span className={`status-pill status-${row.status}`}>{stateLabel[row.status]}</span>
    </li>
  );
}

/** What an empty list means, and what to do about it. */
function emptyText(state: string, working: number, someoneElse: boolean): string {
  if (state === 'submitted') {
    const still = working
      ? ` ${plural(working, 'item is', 'items are')} still being worked on.`
      : ' Labelers submit from the Label screen (Ctrl+Enter); their items appear here.';
    return `Nothing waiting for review.${still}`;
  }
  if (state === 'sent_back')
    return 'Nothing sent back: no item is waiting for its labeler to fix it.';
  if (state === 'accepted') return 'Nothing accepted yet. Accept submitted items to see them here.';
  if (state === 'working') return 'Nobody is working on an item right now.';
  return someoneElse
    ? 'No work here yet. Pick another labeler or scope above.'
    : 'No work yet. Labelers open items from My queue, label them and submit.';
}

export function SubmissionList() {
  const rows = useSubmissionsStore((s) => s.rows);
  const selected = useSubmissionsStore((s) => s.selected);
  const total = useSubmissionsStore((s) => s.overview?.total ?? 0);
  const loading = useSubmissionsStore((s) => s.loading);
  const state = useSubmissionsStore((s) => s.state);
  const working = useSubmissionsStore((s) => s.overview?.counts.working ?? 0);
  const filtered = useSubmissionsStore((s) => s.labelerId !== null || s.scope !== 'all');
  const loaded = useSubmissionsStore((s) => s.overview !== null);
  return (
    <div className="sub-list-wrap">
      {rows.length > 0 ? (
        <ul className="sub-list" role="listbox" aria-label="Items" tabIndex={-1}>
          {rows.map((r) => (
            <Row key={rowKey(r)} row={r} selected={rowKey(r) === selected} />
          ))}
        </ul>
      ) : (
        loaded &&
        !loading && (
          <p className="sub-empty" data-testid="submissions-empty">
            {emptyText(state, working, filtered)}
          </p>
        )
      )}
      {rows.length < total && (
        <button
          className="btn sub-more"
          onClick={() => void submissionsActions.loadMore()}
          disabled={loading}
        >
          Show more ({(total - rows.length).toLocaleString('en-US')} left)
        </button>
      )}
    </div>
  );
}

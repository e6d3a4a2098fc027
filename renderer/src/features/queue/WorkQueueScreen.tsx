import { useEffect, useState } from 'react';
import type { ItemStatus } from '../../../../shared/api/schemas/annotationDoc';
import type { QueueItem } from '../../../../shared/api/schemas/annotations';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { screens } from '../navigation';
import { projectActions } from '../../stores/projectStore';
import { useProfileStore } from '../people/profileStore';
import { roundsActions } from '../rounds/roundsStore';
import type { QueueFilter } from './queueStore';
import { queueActions, useQueueStore } from './queueStore';
import { AudioItemDialog } from './AudioItemDialog';
import './queue.css';

export const statusLabel: Record<ItemStatus, string> = {
  unlabeled: 'Unlabeled',
  working: 'Working',
  submitted: 'Submitted',
  accepted: 'Accepted',
  sent_back: 'Sent back',
};

function StatusPill({ status }: { status: ItemStatus }) {
  return <span className={`status-pill status-${status}`}>{statusLabel[status]}</span>;
}

const filters: Array<[QueueFilter, string]> = [
  ['todo', 'To do'],
  ['unlabeled', 'Unlabeled'],
  ['working', 'Working'],
  ['sent_back', 'Sent back'],
  ['submitted', 'Submitted'],
  ['accepted', 'Accepted'],
  ['all', 'All'],
];

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

function Row({ item, onOpen }: { item: QueueItem; onOpen: (item: QueueItem) => void }) {
  const size =
    item.kind === 'image'
      ? `${item.width ?? '?'}×${item.height ?? '?'}`
      : `${(item.durationSec ?? 0).toFixed(1)} s`;
  return (
    <tr
      className="queue-row"
      onClick={() => onOpen(item)}
      // A double-click opens once; its second press must not select text on the next screen.
      onMouseDown={(e) => e.detail > 1 && e.preventDefault()}
    >
      <td className="queue-thumb">
        {item.kind === 'image' ? (
          <img src={api.assetUrl(item.assetId, 'thumb')} alt="" loading="lazy" />
        ) : (
          <Icon name="audio" size={22} />
        )}
      </td>
      <td>
        <div className="queue-name">{item.fileName}</div>
        <div className="queue-path muted">{item.relPath}</div>
      </td>
      <td className="muted">{size}</td>
      <td>
        <StatusPill status={item.status} />
      </td>
      <td className="num">{item.kind === 'image' ? item.boxCount : ''}</td>
      <td className="muted">{when(item.updatedAt)}</td>
    </tr>
  );
}

/** The labeler's own items with their state; opening one goes to the Label screen. */
export function WorkQueueScreen() {
  const s = useQueueStore();
  const name = useProfileStore((p) => p.current?.name ?? '');
  useEffect(() => {
    void queueActions.reload();
    // Items the lead sends back or accepts move between the tabs while this is open.
    return api.on('work:changed', () => void queueActions.reload());
  }, []);
  const hasLabel = screens.some((x) => x.id === 'label');
  const [audioItem, setAudioItem] = useState<QueueItem | null>(null);
  const open = (item: QueueItem) => {
    // The box editor labels images only; audio gets its own (transcript) note and player.
    if (item.kind === 'audio') return setAudioItem(item);
    queueActions.requestOpen(item.assetId);
    if (hasLabel) projectActions.showScreen('label');
  };
  const counts = s.counts;
  const count = (f: QueueFilter) => {
    if (!counts) return null;
    if (f === 'all') return Object.values(counts).reduce((a, b) => a + b, 0);
    if (f === 'todo') return counts.unlabeled + counts.working + counts.sent_back;
    return counts[f];
  };
  const done = counts ? counts.submitted + counts.accepted : 0;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="queue-screen">
      <header className="screen-header queue-header">
        <h2>My queue</h2>
        <span className="muted">
          {name} · {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')} submitted
        </span>
        <div className="queue-progress" aria-hidden="true">
          <div style={{ width: `${total ? (100 * done) / total : 0}%` }} />
        </div>
        <select
          className="select select-sm"
          aria-label="Kind"
          value={s.kind ?? ''}
          onChange={(e) =>
            queueActions.setKind((e.target.value || null) as 'image' | 'audio' | null)
          }
        >
          <option value="">Images and audio</option>
          <option value="image">Images</option>
          <option value="audio">Audio</option>
        </select>
      </header>
      <div className="queue-filters" role="tablist" aria-label="Status">
        {filters.map(([f, label]) => (
          <button
            key={f}
            role="tab"
            aria-selected={s.filter === f}
            className={`chip ${s.filter === f ? 'is-active' : ''}`}
            onClick={() => queueActions.setFilter(f)}
          >
            {label}
            <span className="chip-count">{count(f)?.toLocaleString('en-US') ?? '–'}</span>
          </button>
        ))}
      </div>
      {s.error && <ErrorNotice message={s.error} />}
      {s.openRounds.map((r) => (
        <p key={r.roundId} className="queue-round-note" role="note">
          <span>
            {r.items.toLocaleString('en-US')} item{r.items === 1 ? '' : 's'} of round{' '}
            <strong>{r.name}</strong> {r.items === 1 ? 'is' : 'are'} not listed here: you label{' '}
            {r.items === 1 ? 'it' : 'them'} in the round, blind.
          </span>
          <button className="btn btn-sm" onClick={() => roundsActions.label(r.roundId)}>
            Label round {r.name}
          </button>
        </p>
      ))}
      {!hasLabel && (
        <p className="muted queue-note">
          The Label screen is not available in this build; items cannot be opened yet.
        </p>
      )}
      <div className="queue-table-wrap">
        <table className="queue-table">
          <thead>
            <tr>
              <th />
              <th>Item</th>
              <th>Size</th>
              <th>Status</th>
              <th className="num">Boxes</th>
              <th>Last saved</th>
            </tr>
          </thead>
          <tbody>
            {s.items.map((item) => (
              <Row key={item.assetId} item={item} onOpen={open} />
            ))}
          </tbody>
        </table>
        {s.items.length === 0 && !s.loading && (
          <div className="screen-empty queue-empty">Nothing here.</div>
        )}
        {s.items.length < s.total && (
          <button
            className="btn queue-more"
            onClick={() => void queueActions.loadMore()}
            disabled={s.loading}
          >
            Show more ({(s.total - s.items.length).toLocaleString('en-US')} left)
          </button>
        )}
      </div>
      {audioItem && <AudioItemDialog item={audioItem} onClose={() => setAudioItem(null)} />}
    </div>
  );
}

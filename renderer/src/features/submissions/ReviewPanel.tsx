import { useState } from 'react';
import type { WorkItem } from '../../../../shared/api/schemas/workOverview';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { ReviewImage } from './ReviewImage';
import { ago, detailKey, plural, stateLabel } from './submissionsModel';
import { submissionsActions, useSubmissionsStore } from './submissionsStore';

/** "2 scratch, 1 dent · tags: defective · uncertain" */
function summary(item: WorkItem, nameOf: (id: string) => string): string {
  const d = item.doc;
  const byClass = new Map<string, number>();
  for (const b of d.boxes) byClass.set(b.classId, (byClass.get(b.classId) ?? 0) + 1);
  const tags = new Map(item.tags.map((t) => [t.id, t.name]));
  const parts: string[] = [];
  if (item.kind === 'image') {
    parts.push(
      d.boxes.length
        ? `${plural(d.boxes.length, 'box', 'boxes')}: ${[...byClass].map(([c, n]) => `${n} ${nameOf(c)}`).join(', ')}`
        : d.noDefects
          ? 'No defects (no boxes, said so)'
          : 'No boxes yet',
    );
  } else {
    parts.push(plural(d.segments.length, 'segment'));
  }
  if (d.tags.length) parts.push(`tags: ${d.tags.map((t) => tags.get(t) ?? t).join(', ')}`);
  if (d.uncertain) parts.push('marked uncertain');
  return parts.join(' · ');
}

/** Why the review buttons are off for this item, or null when they work. */
function refusal(item: WorkItem): { accept: string | null; sendBack: string | null } {
  if (item.status === 'working' || item.status === 'sent_back') {
    const why =
      item.status === 'sent_back'
        ? `Sent back: waiting for ${item.labelerName} to fix it and submit again`
        : `${item.labelerName} has not submitted this item yet`;
    return { accept: why, sendBack: why };
  }
  // A closed round's labels are frozen: sent back, the labeler could not change anything.
  const frozen =
    item.round?.status === 'closed'
      ? `Round ${item.round.name} is closed; its labels can no longer change`
      : null;
  return { accept: item.status === 'accepted' ? 'Already accepted' : null, sendBack: frozen };
}

function SendBackBox({ item }: { item: WorkItem }) {
  const [text, setText] = useState('');
  const acting = useSubmissionsStore((s) => s.acting);
  const send = () => {
    if (text.trim()) void submissionsActions.sendBack(text);
  };
  return (
    <form
      className="sub-compose"
      aria-label="Send back"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label className="field-label" htmlFor="sub-comment">
        What should {item.labelerName} fix? They see this above the item in their editor.
      </label>
      <textarea
        id="sub-comment"
        className="input sub-comment"
        rows={3}
        autoFocus
        value={text}
        placeholder="e.g. The scratch continues to the right edge; extend the box."
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            submissionsActions.compose(false);
          }
        }}
      />
      <div className="sub-compose-actions">
        <span className="muted sub-hint">Ctrl+Enter sends · Esc cancels</span>
        <button type="button" className="btn" onClick={() => submissionsActions.compose(false)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-danger" disabled={!text.trim() || acting}>
          Send back to {item.labelerName}
        </button>
      </div>
    </form>
  );
}

/** The selected item as its labeler left it, with Accept and Send back. */
export function ReviewPanel() {
  const item = useSubmissionsStore((s) => s.detail);
  const error = useSubmissionsStore((s) => s.detailError);
  const actionError = useSubmissionsStore((s) => s.actionError);
  const composing = useSubmissionsStore((s) => s.composing);
  const acting = useSubmissionsStore((s) => s.acting);
  const hasRows = useSubmissionsStore((s) => s.rows.length > 0);
  // The selection moved on and its item is still loading: show the old one greyed, inert.
  const stale = useSubmissionsStore((s) => s.detail !== null && detailKey(s.detail) !== s.selected);
  if (error) {
    return (
      <section className="sub-review" aria-label="Review">
        <ErrorNotice message={error} />
      </section>
    );
  }
  if (!item) {
    return (
      <section className="sub-review sub-review-empty" aria-label="Review">
        <p className="muted">{hasRows ? 'Select an item on the left to review it.' : ''}</p>
      </section>
    );
  }
  const styles = new Map(item.classes.map((c) => [c.id, c]));
  const colorOf = (id: string) => styles.get(id)?.color ?? '#ff00aa';
  const nameOf = (id: string) => styles.get(id)?.name ?? id;
  const off = refusal(item);
  return (
    <section
      className={`sub-review ${stale ? 'is-stale' : ''}`}
      aria-label="Review"
      aria-busy={stale}
    >
      <header className="sub-review-head">
        <div className="sub-review-title">
          <h3 title={item.relPath}>{item.relPath}</h3>
          <div className="muted">
            by <strong className="sub-who">{item.labelerName}</strong>
            {item.round
              ? ` · round ${item.round.name}${item.round.status === 'closed' ? ' (closed)' : ''}`
              : ''}
            {item.submittedAt ? ` · submitted ${ago(item.submittedAt)}` : ''}
            {item.instructionsVersion !== null
              ? ` · instructions v${item.instructionsVersion}`
              : ''}
          </div>
        </div>
        <span className={`status-pill status-${item.status}`} data-testid="review-status">
          {stateLabel[item.status]}
        </span>
      </header>
      {item.comment && (
        <p className="sub-last-comment" data-testid="review-comment">
          <strong>
            {item.status === 'sent_back' ? 'Sent back with:' : 'Last sent back with:'}
          </strong>{' '}
          {item.comment}
        </p>
      )}
      {item.kind === 'image' ? (
        <ReviewImage item={item} colorOf={colorOf} nameOf={nameOf} />
      ) : (
        <div className="sub-audio">
          <audio controls src={api.assetUrl(item.assetId, 'original')} />
          <ol className="sub-segments">
            {item.doc.segments.map((s) => (
              <li key={s.id}>
                <span className="muted mono">
                  {s.start.toFixed(2)}–{s.end.toFixed(2)} s
                </span>{' '}
                {s.text || <em className="muted">(no text)</em>}
              </li>
            ))}
          </ol>
        </div>
      )}
      <p className="sub-summary" data-testid="review-summary">
        {summary(item, nameOf)}
      </p>
      {actionError && (
        <ErrorNotice message={actionError} onDismiss={() => submissionsActions.compose(false)} />
      )}
      {composing ? (
        <SendBackBox key={`${item.assetId}:${item.labelerId}`} item={item} />
      ) : (
        <div className="sub-actions">
          <button
            className="btn btn-primary"
            disabled={acting || stale || off.accept !== null}
            title={off.accept ?? 'Accept (A)'}
            onClick={() => void submissionsActions.accept()}
          >
            <Icon name="check" />
            Accept
            <kbd>A</kbd>
          </button>
          <button
            className="btn"
            disabled={acting || stale || off.sendBack !== null}
            title={off.sendBack ?? 'Send back with a comment (S)'}
            onClick={() => submissionsActions.compose(true)}
          >
            Send back…
            <kbd>S</kbd>
          </button>
          {(off.accept ?? off.sendBack) && (
            <span className="muted sub-hint">{off.sendBack ?? off.accept}</span>
          )}
        </div>
      )}
    </section>
  );
}

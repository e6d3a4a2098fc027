import { useEffect } from 'react';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { projectActions } from '../../stores/projectStore';
import { ReviewPanel } from './ReviewPanel';
import { SubmissionList } from './SubmissionList';
import { detailKey } from './submissionsModel';
import type { Scope } from './submissionsStore';
import { submissionsActions, useSubmissionsStore } from './submissionsStore';
import { WorkMatrix } from './WorkMatrix';
import '../queue/queue.css';
import './submissions.css';

function isTyping(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement &&
    (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
  );
}

/** j/k or arrows move through the list, A accepts, S (or B) opens the send-back comment. */
function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTyping(e.target)) return;
  if (e.target instanceof HTMLElement && e.target.closest('[role="dialog"]')) return;
  const s = useSubmissionsStore.getState();
  const key = e.key.toLowerCase();
  if (key === 'arrowdown' || key === 'j') submissionsActions.step(1);
  else if (key === 'arrowup' || key === 'k') submissionsActions.step(-1);
  else if (key === 'a' && s.detail?.status === 'submitted') void submissionsActions.accept();
  else if ((key === 's' || key === 'b') && s.detail && !s.composing) {
    if (detailKey(s.detail) !== s.selected) return; // the selected item is still loading
    const reviewable = s.detail.status === 'submitted' || s.detail.status === 'accepted';
    if (!reviewable || s.detail.round?.status === 'closed') return;
    submissionsActions.compose(true);
  } else return;
  e.preventDefault();
}

function scopeValue(scope: Scope): string {
  return typeof scope === 'number' ? String(scope) : scope;
}

/**
 * The lead's review desk (capability 9): everyone's work per state, the review queue of
 * submitted items oldest first, and the selected item with Accept / Send back.
 */
export function SubmissionsScreen() {
  const overview = useSubmissionsStore((s) => s.overview);
  const scope = useSubmissionsStore((s) => s.scope);
  const error = useSubmissionsStore((s) => s.error);
  const loading = useSubmissionsStore((s) => s.loading);

  useEffect(() => {
    void submissionsActions.reload();
    window.addEventListener('keydown', onKey);
    // Look again when a labeler submits (work:changed), when rounds open or close, and
    // whenever the lead comes back to this window.
    const onFocus = () => void submissionsActions.reload();
    const onVisible = () => document.visibilityState === 'visible' && onFocus();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    const offRounds = api.on('rounds:changed', onFocus);
    const offWork = api.on('work:changed', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      offRounds();
      offWork();
    };
  }, []);

  const noLabelers = overview !== null && overview.labelers.length === 0;
  const empty = useSubmissionsStore((s) => s.rows.length === 0);
  return (
    <div className="sub-screen">
      <header className="screen-header sub-header">
        <h2>Submissions</h2>
        <span className="muted sub-lede">
          Accept submitted items, or send them back with a comment.
        </span>
        <span className="sub-header-tools">
          <select
            className="select select-sm"
            aria-label="Scope"
            value={scopeValue(scope)}
            onChange={(e) => {
              const v = e.target.value;
              submissionsActions.setScope(v === 'all' || v === 'none' ? v : Number(v));
            }}
          >
            <option value="all">All work</option>
            <option value="none">Outside rounds</option>
            {overview?.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                Round {r.name}
                {r.status === 'open' ? ' (open)' : ' (closed)'}
              </option>
            ))}
          </select>
          <button
            className="btn btn-sm"
            onClick={() => void submissionsActions.reload()}
            disabled={loading}
            title="Look for new submissions"
          >
            Refresh
          </button>
        </span>
      </header>
      {error && <ErrorNotice message={error} />}
      {overview && overview.hidden.items > 0 && (
        <p className="sub-note" role="note">
          {overview.hidden.items.toLocaleString('en-US')} of other people’s work{' '}
          {overview.hidden.items === 1 ? 'is' : 'are'} hidden: you label in round{' '}
          {overview.hidden.roundName ?? 'an open round'}, so others’ work on its items stays blind
          until it closes.
        </p>
      )}
      {noLabelers ? (
        <div className="sub-empty sub-empty-big">
          <p>No labelers in this project yet.</p>
          <p className="muted">
            Add people on the People screen; their submitted items appear here for review.
          </p>
          <button className="btn" onClick={() => projectActions.showScreen('people')}>
            <Icon name="people" />
            Open People
          </button>
        </div>
      ) : (
        overview && (
          <>
            <WorkMatrix overview={overview} />
            {/* Nothing to review: one wide message instead of an empty review pane. */}
            <div className={`sub-body ${empty ? 'sub-body-empty' : ''}`}>
              <SubmissionList />
              {!empty && <ReviewPanel />}
            </div>
            {!empty && (
              <p className="sub-keys muted">
                <kbd>J</kbd>/<kbd>K</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move · <kbd>A</kbd> accept ·{' '}
                <kbd>S</kbd> send back
              </p>
            )}
          </>
        )
      )}
    </div>
  );
}

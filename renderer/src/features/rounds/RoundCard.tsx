import { useState } from 'react';
import type { RoundProgress, RoundSummary } from '../../../../shared/api/schemas/rounds';
import { describeDrawn, describeProgress, describeStrata, progressPercent } from './roundFormat';
import { roundsActions } from './roundsStore';

function Bar({ progress, label }: { progress: RoundProgress; label: string }) {
  const pct = progressPercent(progress);
  const working = progress.total ? (100 * progress.working) / progress.total : 0;
  return (
    <div
      className="round-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={progress.total}
      aria-valuenow={progress.done}
    >
      <div className="round-bar-done" style={{ width: `${pct}%` }} />
      <div className="round-bar-working" style={{ width: `${working}%` }} />
    </div>
  );
}

function when(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** One round as a lead sees it: the sample, every labeler's progress, close and agreement. */
export function LeadRoundCard({ round }: { round: RoundSummary }) {
  const [confirming, setConfirming] = useState(false);
  const open = round.status === 'open';
  const mine = round.mine;
  const field = round.sampling.stratify.by === 'metadata' ? round.sampling.stratify.field : null;
  const allDone = round.labelers.every(
    (l) => l.progress && l.progress.total > 0 && l.progress.done === l.progress.total,
  );
  return (
    <article className={`round-card ${open ? '' : 'is-closed'}`} aria-label={`Round ${round.name}`}>
      <header className="round-card-head">
        <h3 className="round-name">{round.name}</h3>
        <span className={`round-status ${open ? 'round-open' : 'round-closed'}`}>
          {open ? 'Open' : 'Closed'}
        </span>
        <span className="muted round-meta">
          instructions v{round.instructionsVersion} · suggestions{' '}
          {round.showSuggestions ? 'shown' : 'hidden'} · created {when(round.createdAt)} by{' '}
          {round.createdBy}
          {round.closedAt ? ` · closed ${when(round.closedAt)}` : ''}
        </span>
      </header>
      <div className="round-sampling muted">
        Sample: {describeDrawn(round.sampling, round.itemCount, round.candidates)}
        {round.strata.length > 1 && <div>{describeStrata(round.strata, field)}</div>}
      </div>
      <table className="round-progress-table">
        <tbody>
          {round.labelers.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.name}</th>
              <td className="round-progress-cell">
                {l.progress && <Bar progress={l.progress} label={`${l.name} progress`} />}
              </td>
              <td className="num muted">{l.progress ? describeProgress(l.progress) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && allDone && (
        <p className="round-ready">
          Everyone is done. Read the agreement, then close the round to freeze it.
        </p>
      )}
      <footer className="round-card-actions">
        {mine && open && (
          <button className="btn" onClick={() => roundsActions.label(round.id)}>
            Label my items
          </button>
        )}
        <button className="btn" onClick={() => roundsActions.showAgreement(round.id)}>
          Agreement
        </button>
        {open &&
          (confirming ? (
            <span className="round-confirm" role="group" aria-label="Confirm closing">
              <span>Close {round.name}? Its labels freeze and blindness ends.</span>
              <button
                className="btn btn-danger btn-sm"
                onClick={() => void roundsActions.close(round.id)}
              >
                Close round
              </button>
              <button className="btn btn-ghost btn-sm" onClick={() => setConfirming(false)}>
                Keep open
              </button>
            </span>
          ) : (
            <button className="btn btn-ghost" onClick={() => setConfirming(true)}>
              Close round…
            </button>
          ))}
      </footer>
    </article>
  );
}

/** One round as a labeler sees it: a queue with their own progress. */
export function LabelerRoundCard({ round }: { round: RoundSummary }) {
  const open = round.status === 'open';
  const mine = round.mine ?? { done: 0, working: 0, total: round.itemCount };
  const finished = mine.total > 0 && mine.done === mine.total;
  return (
    <article
      className={`round-card round-card-labeler ${open ? '' : 'is-closed'}`}
      aria-label={`Round ${round.name}`}
    >
      <header className="round-card-head">
        <h3 className="round-name">{round.name}</h3>
        <span className={`round-status ${open ? 'round-open' : 'round-closed'}`}>
          {open ? 'Open' : 'Closed'}
        </span>
        <span className="muted round-meta">instructions v{round.instructionsVersion}</span>
      </header>
      <div className="round-mine">
        <Bar progress={mine} label={`My progress in ${round.name}`} />
        <span className="round-mine-text">{describeProgress(mine)}</span>
      </div>
      <p className="muted round-note">
        {open
          ? 'Label these items on your own: nobody sees anyone else’s labels until the lead closes the round.'
          : 'This round is closed; its labels are frozen.'}
      </p>
      <footer className="round-card-actions">
        {open && (
          <button className="btn btn-primary" onClick={() => roundsActions.label(round.id)}>
            {finished
              ? 'Review my items'
              : mine.done + mine.working > 0
                ? 'Continue labeling'
                : 'Start labeling'}
          </button>
        )}
        {!open && (
          <button className="btn" onClick={() => roundsActions.showAgreement(round.id)}>
            Agreement
          </button>
        )}
      </footer>
    </article>
  );
}

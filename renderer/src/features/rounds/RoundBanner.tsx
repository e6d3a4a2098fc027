import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import type { StatusCounts } from '../../../../shared/api/schemas/annotations';
import type { RoundDetails } from '../../../../shared/api/schemas/rounds';
import { api, ApiCallError } from '../../api/client';
import { roundsActions } from './roundsStore';
import './rounds.css';

/**
 * Above the editor while a labeler works through a round: which round, their progress, and
 * the reminder that the work is blind. Progress comes from the editor's own queue counts,
 * so it moves as items are submitted.
 */
export function RoundBanner({
  roundId,
  queue,
}: {
  roundId: number;
  queue: StoreApi<{ counts: StatusCounts }>;
}) {
  const [round, setRound] = useState<RoundDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const counts = useStore(queue, (s) => s.counts);
  useEffect(() => {
    let live = true;
    api
      .invoke('rounds:get', { roundId })
      .then((r) => live && setRound(r))
      .catch(
        (e: unknown) =>
          live && setError(e instanceof ApiCallError || e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [roundId]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const done = counts.submitted + counts.accepted;
  const note =
    error ??
    (round?.status === 'closed'
      ? 'This round is closed: its labels are frozen.'
      : 'Blind: nobody sees your labels until the lead closes the round.');
  return (
    <div className="round-banner" role="status" data-testid="round-banner">
      <strong>Round {round?.name ?? '…'}</strong>
      <span className="round-banner-progress">
        {done}/{total || round?.itemCount || 0} done
      </span>
      <span className="muted" title={note}>
        {note}
      </span>
      <button
        className="btn btn-ghost btn-sm round-banner-leave"
        onClick={() => roundsActions.showRounds()}
      >
        Back to rounds
      </button>
    </div>
  );
}

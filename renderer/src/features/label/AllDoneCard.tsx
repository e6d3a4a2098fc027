import { useStore } from 'zustand';
import { projectActions } from '../../stores/projectStore';
import { roundsActions } from '../rounds/roundsStore';
import type { LabelController } from './labelController';

/**
 * Over the canvas once everything in the list is submitted: says so plainly, and what comes
 * next (the round's lead compares; sent-back items come back here).
 */
export function AllDoneCard({ ctl }: { ctl: LabelController }) {
  const roundName = useStore(ctl.ui, (s) => s.roundName);
  const counts = useStore(ctl.queue.store, (s) => s.counts);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const items = `${total} item${total === 1 ? '' : 's'}`;
  const inRound = ctl.roundId !== null;
  const review = () => {
    ctl.dismissDone();
    void ctl.setFilter('done');
  };
  return (
    <div className="lb-done-card" role="status" data-testid="all-done">
      <div className="lb-done-check" aria-hidden="true">
        ✓
      </div>
      <h2>
        {total === 1 ? 'The item' : `All ${items}`}
        {inRound ? ` of round ${roundName ?? ''}` : ''} submitted — nothing left to do
      </h2>
      <p className="muted">
        {inRound
          ? 'Your work stays blind until the lead closes the round; then Agreement compares everyone’s labels. If the lead sends an item back, it shows up here under To do.'
          : 'If a lead sends an item back or imports new images, they show up here under To do.'}
      </p>
      <div className="lb-done-actions">
        <button className="btn" onClick={review}>
          Review my submitted items
        </button>
        {inRound ? (
          <button className="btn btn-primary" onClick={() => roundsActions.showRounds()}>
            Back to rounds
          </button>
        ) : (
          <button className="btn btn-primary" onClick={() => projectActions.showScreen('queue')}>
            My queue
          </button>
        )}
      </div>
    </div>
  );
}

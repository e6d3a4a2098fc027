import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { isLead, useProfileStore } from '../people/profileStore';
import { CreateRoundForm } from './CreateRoundForm';
import { LabelerRoundCard, LeadRoundCard } from './RoundCard';
import { roundsActions, useRoundsStore } from './roundsStore';
import './rounds.css';

/**
 * Blind double-labeling rounds. A lead draws samples for two or more labelers, follows
 * their progress and closes rounds; a labeler sees the rounds they label in as queues.
 */
export function RoundsScreen() {
  const lead = useProfileStore((s) => isLead(s.current));
  const { rounds, loading, error } = useRoundsStore();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void roundsActions.reload();
    return roundsActions.follow();
  }, []);
  const open = rounds.filter((r) => r.status === 'open');
  const closed = rounds.filter((r) => r.status === 'closed');
  const Card = lead ? LeadRoundCard : LabelerRoundCard;
  return (
    <div className="rounds-screen">
      <header className="screen-header rounds-header">
        <h2>Rounds</h2>
        <span className="muted">
          {lead
            ? 'Blind double-labeling: the same sample, labeled independently, then compared.'
            : 'Your blind labeling rounds.'}
        </span>
        {lead && !creating && (
          <button className="btn btn-primary rounds-new" onClick={() => setCreating(true)}>
            <Icon name="plus" />
            New round
          </button>
        )}
      </header>
      {creating && (
        <section className="rounds-create" aria-label="Draw a new round">
          <h3>Draw a new round</h3>
          <CreateRoundForm
            onCancel={() => setCreating(false)}
            onCreated={(name) => {
              setCreating(false);
              setNotice(`Round ${name} created.`);
              void roundsActions.reload();
            }}
          />
        </section>
      )}
      {notice && (
        <div className="notice rounds-notice" role="status">
          <Icon name="check" />
          <span>{notice}</span>
        </div>
      )}
      {error && <ErrorNotice message={error} onDismiss={roundsActions.clearError} />}
      {rounds.length === 0 && !loading && !creating && (
        <div className="screen-empty rounds-empty">
          {lead
            ? 'No rounds yet. Draw a sample for two labelers to measure how consistent the labels are.'
            : 'You are not in any round yet. Your lead assigns rounds; they appear here.'}
        </div>
      )}
      {open.length > 0 && (
        <section className="rounds-group" aria-label="Open rounds">
          <h3 className="rounds-group-title">Open</h3>
          <div className="rounds-list">
            {open.map((r) => (
              <Card key={r.id} round={r} />
            ))}
          </div>
        </section>
      )}
      {closed.length > 0 && (
        <section className="rounds-group" aria-label="Closed rounds">
          <h3 className="rounds-group-title">Closed</h3>
          <div className="rounds-list">
            {closed
              .slice()
              .reverse()
              .map((r) => (
                <Card key={r.id} round={r} />
              ))}
          </div>
        </section>
      )}
    </div>
  );
}

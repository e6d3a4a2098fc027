import { useState } from 'react';
import { ApiCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { instructionsActions } from './instructionsStore';

/** Paste or open an instructions file (e.g. another project's) to save it as the next version. */
export function ImportJsonDialog({ onClose, isLead }: { onClose: () => void; isLead: boolean }) {
  const [json, setJson] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (warnings) {
    return (
      <Dialog
        title="Instructions imported"
        onClose={onClose}
        footer={
          <button className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <p>The file was saved as a new version.</p>
        {warnings.length > 0 && (
          <div className="notice notice-warn">
            <ul className="warn-list">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
      </Dialog>
    );
  }
  return (
    <Dialog
      title="Import instructions from JSON"
      onClose={onClose}
      width={640}
      locked={busy}
      footer={
        <>
          <label className="btn btn-ghost">
            Open file…
            <input
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) {
                  setJson(await file.text());
                  if (!note) setNote(`Imported from ${file.name}`);
                }
              }}
            />
          </label>
          <span className="spacer" />
          <button className="btn btn-ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            disabled={!json.trim() || busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                setWarnings(await instructionsActions.importJson(json, note, isLead));
              } catch (e) {
                setError(e instanceof ApiCallError || e instanceof Error ? e.message : String(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            Import as new version
          </button>
        </>
      }
    >
      <p className="muted">
        Classes are matched by name: a class that keeps its name keeps its boxes. Example images
        that are not in this project are skipped.
      </p>
      <textarea
        className="input json-input"
        aria-label="Instructions JSON"
        value={json}
        placeholder='{ "name": "Steel sheet defects", "classes": [ { "name": "scratch", "color": "#e6194b", "hotkey": "1" } ] }'
        onChange={(e) => setJson(e.target.value)}
      />
      <label className="field">
        <span className="field-label">Change note</span>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && <ErrorNotice message={error} onDismiss={() => setError(null)} />}
    </Dialog>
  );
}

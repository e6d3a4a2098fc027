import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useSessionStore } from '../../stores/sessionStore';
import { isLead as isLeadProfile, useProfileStore } from '../people/profileStore';
import { ClassEditor } from './ClassEditor';
import { ClassList } from './ClassList';
import { ImportJsonDialog } from './ImportJsonDialog';
import { draftKey } from './instructionsDraft';
import { instructionsActions, useInstructionsStore } from './instructionsStore';
import type { InstructionsTab } from './instructionsStore';
import { SaveBar } from './SaveBar';
import { SpecView } from './SpecView';
import { TagsEditor } from './TagsEditor';
import { TranscriptRulesEditor } from './TranscriptRulesEditor';
import { VersionHistory } from './VersionHistory';
import './instructions.css';

/** The labeling instructions: leads edit and save versions; everyone can read every version. */
export function InstructionsScreen() {
  const isLead = useProfileStore((s) => isLeadProfile(s.current));
  const s = useInstructionsStore();
  const [importing, setImporting] = useState(false);
  const [history, setHistory] = useState(true);
  const projectPath = useSessionStore((st) => st.project?.path ?? '');
  const profileId = useProfileStore((st) => st.current?.id ?? null);
  const key = projectPath ? draftKey(projectPath, profileId) : null;
  useEffect(() => instructionsActions.start(isLead, key), [isLead, key]);

  if (!s.loaded) return <div className="app-loading" aria-busy="true" />;
  if (!s.base || !s.draft)
    return <div className="screen-empty">{s.error ?? 'No instructions.'}</div>;
  const editing = isLead && !s.viewing;
  const shown = s.viewing ?? s.base;
  const spec = editing ? s.draft : shown.spec;
  const selected = spec.classes.find((c) => c.id === s.selectedClassId) ?? null;
  const tabs: Array<[InstructionsTab, string]> = [
    ['classes', `Classes (${spec.classes.length})`],
    ['tags', `Item tags (${spec.tags.length})`],
    ['transcript', 'Transcripts'],
  ];

  return (
    <div className="instr-screen">
      <header className="instr-header">
        <div className="instr-title">
          {editing ? (
            <input
              className="input instr-name"
              aria-label="Instructions name"
              value={spec.name}
              onChange={(e) => instructionsActions.setSpecName(e.target.value)}
            />
          ) : (
            <h2>{spec.name}</h2>
          )}
          <span className="tag tag-accent version-badge" data-testid="instructions-version">
            Version {shown.version}
          </span>
          <span className="muted instr-saved">
            saved by {shown.author} · {new Date(shown.createdAt).toLocaleString()}
          </span>
        </div>
        <div className="instr-header-actions">
          <button
            className={`btn btn-ghost ${history ? 'is-on' : ''}`}
            onClick={() => setHistory(!history)}
            aria-pressed={history}
          >
            History
          </button>
          <button
            className="btn"
            onClick={() => void instructionsActions.exportJson(shown.version)}
          >
            Export JSON
          </button>
          {isLead && (
            <button className="btn" onClick={() => setImporting(true)}>
              <Icon name="import" /> Import JSON
            </button>
          )}
        </div>
      </header>
      {s.viewing && (
        <div className="notice notice-warn instr-banner">
          <div className="notice-text">
            You are looking at version {s.viewing.version}, an older version (read-only).
            Annotations made under it keep referring to it.
          </div>
          <button className="btn btn-sm" onClick={() => void instructionsActions.viewVersion(null)}>
            Back to the current version
          </button>
        </div>
      )}
      {editing && s.storedDraft && (
        <div className="notice notice-warn instr-banner" role="alert" aria-label="Unsaved draft">
          <div className="notice-text">
            You have an unsaved draft from {new Date(s.storedDraft.savedAt).toLocaleString()} (based
            on version {s.storedDraft.baseVersion}).
          </div>
          <button className="btn btn-sm btn-primary" onClick={instructionsActions.keepStoredDraft}>
            Keep editing
          </button>
          <button className="btn btn-sm" onClick={instructionsActions.discardStoredDraft}>
            Discard
          </button>
        </div>
      )}
      {s.newerVersion && (
        <div className="notice notice-warn instr-banner">
          <div className="notice-text">
            Someone saved version {s.newerVersion} while you were editing. Saving now would
            overwrite their change: discard your draft to load it.
          </div>
        </div>
      )}
      {s.error && <ErrorNotice message={s.error} onDismiss={instructionsActions.clearError} />}
      <div className="instr-body">
        <div className="instr-main">
          {!editing && !s.viewing && !isLead && (
            <p className="muted instr-readonly-hint">
              Only a lead can change the instructions. Ask them when something is unclear.
            </p>
          )}
          {editing ? (
            <>
              <div className="tabs" role="tablist">
                {tabs.map(([id, label]) => (
                  <button
                    key={id}
                    role="tab"
                    aria-selected={s.tab === id}
                    className={`tab ${s.tab === id ? 'is-active' : ''}`}
                    onClick={() => instructionsActions.setTab(id)}
                  >
                    {label}
                  </button>
                ))}
              </div>
              {s.tab === 'classes' && (
                <div className="instr-classes">
                  <ClassList spec={spec} selectedId={selected?.id ?? null} />
                  {selected ? (
                    <ClassEditor key={selected.id} cls={selected} spec={spec} />
                  ) : (
                    <div className="screen-empty">
                      Add a class to describe what labelers should box.
                    </div>
                  )}
                </div>
              )}
              {s.tab === 'tags' && <TagsEditor spec={spec} />}
              {s.tab === 'transcript' && (
                <TranscriptRulesEditor key={s.base.version} rules={spec.transcript} />
              )}
            </>
          ) : (
            <SpecView spec={spec} />
          )}
        </div>
        {history && <VersionHistory />}
      </div>
      {editing && <SaveBar nextVersion={s.base.version + 1} />}
      {importing && <ImportJsonDialog isLead={isLead} onClose={() => setImporting(false)} />}
    </div>
  );
}

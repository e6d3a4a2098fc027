import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FileBrowserDialog } from '../../components/fileBrowser/FileBrowserDialog';
import { fileNameFor, joinPath } from '../../lib/pathCrumbs';
import { sessionActions, useSessionStore } from '../../stores/sessionStore';

export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const info = useSessionStore((s) => s.info);
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState(info?.defaultProjectDir ?? '');
  const [choosing, setChoosing] = useState(false);
  const sep = info?.pathSeparator ?? '/';
  const filePath = folder.trim()
    ? joinPath(folder.trim(), `${fileNameFor(name || 'Untitled')}.concord`, sep)
    : '';
  const canCreate = name.trim().length > 0 && folder.trim().length > 0 && busy === null;

  const create = async () => {
    if (!canCreate) return;
    if (await sessionActions.createProject(filePath, name.trim())) onClose();
  };

  const close = () => {
    sessionActions.clearError();
    onClose();
  };

  return (
    <Dialog
      title="New project"
      onClose={close}
      width={560}
      footer={
        <>
          <button className="btn" onClick={close}>
            Cancel
          </button>
          <button className="btn btn-primary" onClick={() => void create()} disabled={!canCreate}>
            {busy === 'create' && <span className="spinner" />}
            Create project
          </button>
        </>
      }
    >
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field">
          <span className="field-label">Project name</span>
          <input
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Steel sheet defects, line 2"
            data-autofocus
            maxLength={200}
          />
        </label>
        <div className="field">
          <label className="field-label" htmlFor="new-project-folder">
            Folder
          </label>
          <div className="input-row">
            <input
              id="new-project-folder"
              className="input mono"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              spellCheck={false}
            />
            <button type="button" className="btn" onClick={() => setChoosing(true)}>
              Choose…
            </button>
          </div>
          <span className="field-hint">
            Concord creates one project file here{filePath ? ':' : '.'}{' '}
            {filePath && <code className="path-preview">{filePath}</code>}
          </span>
        </div>
        {error && <ErrorNotice message={error} onDismiss={sessionActions.clearError} />}
        <button type="submit" hidden />
      </form>
      {choosing && (
        <FileBrowserDialog
          title="Choose a folder for the project"
          choose="folder"
          initialDir={folder || info?.defaultProjectDir}
          confirmLabel="Choose this folder"
          onCancel={() => setChoosing(false)}
          onConfirm={([dir]) => {
            setChoosing(false);
            if (dir) setFolder(dir);
          }}
        />
      )}
    </Dialog>
  );
}

import { useState } from 'react';
import type { ImportMode } from '../../../../shared/api/schemas/assets';
import { FileBrowserDialog } from '../../components/fileBrowser/FileBrowserDialog';
import { Icon } from '../../components/Icon';
import { useSessionStore } from '../../stores/sessionStore';

export interface ImportSource {
  path: string;
  kind: 'dir' | 'file';
}

/** Extensions the importer understands; other files are shown greyed in the chooser. */
export const importExtensions = [
  'png',
  'jpg',
  'jpeg',
  'bmp',
  'tif',
  'tiff',
  'webp',
  'wav',
  'mp3',
  'flac',
  'ogg',
  'oga',
] as const;

const modes: Array<{ id: ImportMode; title: string; text: string }> = [
  {
    id: 'reference',
    title: 'Reference in place',
    text: 'Files stay where they are; the project stores their paths relative to the project file.',
  },
  {
    id: 'copy',
    title: 'Copy into the project',
    text: 'Files are copied into the folder beside the project file, so the project can be moved or shared.',
  },
];

interface ImportSetupProps {
  sources: ImportSource[];
  onSources: (sources: ImportSource[]) => void;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  csv: string | null;
  onCsv: (csv: string | null) => void;
}

/** The folder of a path ("/a/b/p.concord" -> "/a/b"), for either separator; no node:path here. */
export function parentDir(path: string): string | undefined {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  return cut === 0 ? trimmed.slice(0, 1) : trimmed.slice(0, cut);
}

/**
 * The folder the choosers last picked from, for the rest of this session (it outlives the
 * dialog, so a second import starts where the first one ended).
 */
let lastPickedDir: string | undefined;

export function ImportSetup({ sources, onSources, mode, onMode, csv, onCsv }: ImportSetupProps) {
  const home = useSessionStore((s) => s.info?.homeDir);
  const projectPath = useSessionStore((s) => s.project?.path);
  const [chooser, setChooser] = useState<'sources' | 'csv' | null>(null);
  const [lastDir, setLastDirState] = useState<string | undefined>(lastPickedDir);
  const setLastDir = (dir: string | undefined) => {
    lastPickedDir = dir;
    setLastDirState(dir);
  };
  // First choice: where the user last picked from; else next to the project file; else home.
  const startDir = lastDir ?? (projectPath ? parentDir(projectPath) : undefined) ?? home;

  return (
    <div className="import-setup">
      <section className="field">
        <div className="import-section-head">
          <span className="field-label">Files and folders</span>
          <button className="btn btn-sm" onClick={() => setChooser('sources')} data-autofocus>
            <Icon name="plus" />
            Add files or folders…
          </button>
        </div>
        {sources.length === 0 ? (
          <button className="import-empty" onClick={() => setChooser('sources')}>
            Nothing chosen yet. Folders are imported with all their subfolders.
          </button>
        ) : (
          <ul className="import-sources" aria-label="Chosen files and folders">
            {sources.map((s) => (
              <li key={s.path}>
                <Icon
                  name={s.kind === 'dir' ? 'folder' : 'file'}
                  className={`fb-icon fb-icon-${s.kind}`}
                />
                <span className="import-source-path" title={s.path}>
                  {s.path}
                </span>
                <button
                  className="btn btn-ghost btn-icon btn-sm"
                  onClick={() => onSources(sources.filter((x) => x.path !== s.path))}
                  aria-label={`Remove ${s.path}`}
                >
                  <Icon name="close" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <span className="field-hint">
          Images: PNG, JPEG, BMP, TIFF, WebP. Audio: WAV, MP3, FLAC, OGG.
        </span>
      </section>

      <fieldset className="field import-modes">
        <legend className="field-label">How to store them</legend>
        {modes.map((m) => (
          <label key={m.id} className={`import-mode ${mode === m.id ? 'is-checked' : ''}`}>
            <input
              type="radio"
              name="import-mode"
              checked={mode === m.id}
              onChange={() => onMode(m.id)}
            />
            <span>
              <span className="import-mode-title">{m.title}</span>
              <span className="import-mode-text">{m.text}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <section className="field">
        <span className="field-label">
          Metadata CSV <span className="muted">(optional)</span>
        </span>
        <div className="input-row">
          <input
            className="input mono"
            value={csv ?? ''}
            onChange={(e) => onCsv(e.target.value || null)}
            placeholder="No metadata file"
            aria-label="Metadata CSV path"
            spellCheck={false}
          />
          <button className="btn" onClick={() => setChooser('csv')}>
            Choose…
          </button>
          {csv && (
            <button className="btn btn-ghost" onClick={() => onCsv(null)}>
              Clear
            </button>
          )}
        </div>
        <span className="field-hint">
          First column <code>file</code> (a path or file name); every other column becomes a field
          you can filter on, e.g. <code>factory,line,camera</code>.
        </span>
      </section>

      {chooser === 'sources' && (
        <FileBrowserDialog
          title="Choose files and folders to import"
          choose="any"
          multiple
          extensions={importExtensions}
          initialDir={startDir}
          confirmLabel="Add"
          onCancel={() => setChooser(null)}
          onConfirm={(_paths, entries) => {
            setChooser(null);
            const known = new Set(sources.map((s) => s.path));
            onSources([
              ...sources,
              ...entries
                .filter((e) => !known.has(e.path))
                .map((e) => ({ path: e.path, kind: e.kind })),
            ]);
            const first = entries[0];
            if (first)
              setLastDir(first.path.slice(0, first.path.length - first.name.length) || undefined);
          }}
        />
      )}
      {chooser === 'csv' && (
        <FileBrowserDialog
          title="Choose a metadata CSV"
          choose="file"
          extensions={['csv']}
          initialDir={startDir}
          confirmLabel="Use this file"
          onCancel={() => setChooser(null)}
          onConfirm={([path]) => {
            setChooser(null);
            onCsv(path ?? null);
            if (path) setLastDir(parentDir(path));
          }}
        />
      )}
    </div>
  );
}

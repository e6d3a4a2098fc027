import { useEffect, useState } from 'react';
import { pathCrumbs } from '../../lib/pathCrumbs';
import { Icon } from '../Icon';

interface FileBrowserBarProps {
  dir: string | null;
  parent: string | null;
  sep: string;
  /** undefined: the home folder (an empty path box). */
  onNavigate: (dir: string | undefined) => void;
}

/** Up button, clickable breadcrumbs, and a path box to type or paste a folder into. */
export function FileBrowserBar({ dir, parent, sep, onNavigate }: FileBrowserBarProps) {
  const [text, setText] = useState(dir ?? '');
  useEffect(() => setText(dir ?? ''), [dir]);
  const crumbs = dir ? pathCrumbs(dir, sep) : [];
  return (
    <>
      <div className="fb-toolbar">
        <button
          className="btn btn-icon btn-sm"
          onClick={() => parent && onNavigate(parent)}
          disabled={!parent}
          title="Parent folder (Backspace)"
          aria-label="Parent folder"
        >
          <Icon name="up" />
        </button>
        <nav className="fb-crumbs" aria-label="Folder path">
          {crumbs.map((c, i) => (
            <span key={c.path} className="fb-crumb">
              {i > 1 && <span className="fb-crumb-sep">{sep}</span>}
              <button
                className="fb-crumb-btn"
                onClick={() => onNavigate(c.path)}
                aria-current={i === crumbs.length - 1}
              >
                {c.label}
              </button>
            </span>
          ))}
        </nav>
      </div>
      <form
        className="fb-pathbar"
        onSubmit={(e) => {
          e.preventDefault();
          onNavigate(text.trim() || undefined);
        }}
      >
        <input
          className="input fb-path-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Go to folder"
          spellCheck={false}
        />
        <button className="btn btn-sm" type="submit">
          Go
        </button>
      </form>
    </>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { DirEntry, DirListing } from '../../../../shared/api/schemas/project';
import { api } from '../../api/client';
import { formatBytes } from '../../lib/format';
import { baseName, parentPath } from '../../lib/pathCrumbs';
import { errorMessage, useSessionStore } from '../../stores/sessionStore';
import { ErrorNotice } from '../ErrorNotice';
import { FileBrowserBar } from './FileBrowserBar';
import { Icon } from '../Icon';
import type { ChooserRules } from './fileBrowserModel';
import type { Selection } from './fileBrowserModel';
import {
  chosenEntries,
  isSelectable,
  rangeSelection,
  selectionOf,
  typeAheadIndex,
} from './fileBrowserModel';
import './fileBrowser.css';

export interface FileBrowserProps extends ChooserRules {
  multiple?: boolean;
  initialDir?: string;
  confirmLabel: string;
  /** The chosen paths, and their entries (to tell files from folders). */
  onConfirm: (paths: string[], entries: DirEntry[]) => void;
  onCancel: () => void;
}

const ROW_HEIGHT = 30;

/**
 * The in-app file chooser (the app may run in a plain browser, which has no native dialog
 * that returns paths). Lists folders through `fs:list` on the machine running the services.
 * Keyboard: arrows move, Enter opens a folder or picks a file, Space toggles, Backspace goes
 * up, letters jump to a name.
 */
export function FileBrowser(props: FileBrowserProps) {
  const {
    choose,
    extensions,
    multiple = false,
    initialDir,
    confirmLabel,
    onConfirm,
    onCancel,
  } = props;
  const rules: ChooserRules = { choose, extensions };
  const sep = useSessionStore((s) => s.info?.pathSeparator ?? '/');
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [anchor, setAnchor] = useState(0);
  const [selected, setSelected] = useState<Selection>(new Map());
  const [showHidden, setShowHidden] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });

  const navigate = useCallback(
    async (dir: string | undefined, fallBackToParents = false) => {
      setLoading(true);
      let target = dir;
      for (;;) {
        try {
          const next = await api.invoke('fs:list', {
            ...(target ? { dir: target } : {}),
            showHidden,
          });
          setListing(next);
          setCursor(0);
          setAnchor(0);
          setError(null);
          break;
        } catch (e) {
          // A suggested folder may not exist yet (e.g. ~/Concord): show its nearest parent.
          const up = target && fallBackToParents ? parentPath(target, sep) : null;
          if (up && up !== target) {
            target = up;
            continue;
          }
          setError(errorMessage(e));
          break;
        }
      }
      setLoading(false);
    },
    [showHidden, sep],
  );

  useEffect(() => {
    void navigate(listing?.dir ?? initialDir, true);
    // Re-list when "show hidden" flips; the folder itself is kept.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showHidden]);

  const entries = listing?.entries ?? [];
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const moveCursor = (index: number, extend: boolean) => {
    if (entries.length === 0) return;
    const i = Math.max(0, Math.min(entries.length - 1, index));
    setCursor(i);
    virtualizer.scrollToIndex(i);
    if (extend && multiple) setSelected(selectionOf(rangeSelection(entries, anchor, i, rules)));
    else setAnchor(i);
  };

  const toggle = (entry: DirEntry) => {
    if (!isSelectable(entry, rules)) return;
    setSelected((prev) => {
      const next = new Map(multiple ? prev : []);
      if (prev.has(entry.path)) next.delete(entry.path);
      else next.set(entry.path, entry);
      return next;
    });
  };

  const confirm = (chosen: DirEntry[]) => {
    if (chosen.length > 0)
      onConfirm(
        chosen.map((e) => e.path),
        chosen,
      );
  };

  const activate = (entry: DirEntry) => {
    if (entry.kind === 'dir') void navigate(entry.path);
    else if (isSelectable(entry, rules))
      confirm(multiple && selected.size > 0 ? [...selected.values()] : [entry]);
  };

  const onRowClick = (e: MouseEvent, index: number) => {
    const entry = entries[index]!;
    setCursor(index);
    if (e.shiftKey && multiple) {
      setSelected(selectionOf(rangeSelection(entries, anchor, index, rules)));
      return;
    }
    setAnchor(index);
    if (!isSelectable(entry, rules)) return;
    // With checkboxes on every row, a click toggles (no modifier needed to pick several).
    if (multiple) toggle(entry);
    else setSelected(selectionOf([entry]));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const entry = entries[cursor];
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    if (e.key === 'ArrowDown') moveCursor(cursor + 1, e.shiftKey);
    else if (e.key === 'ArrowUp' && e.altKey) {
      if (listing?.parent) void navigate(listing.parent);
    } else if (e.key === 'ArrowUp') moveCursor(cursor - 1, e.shiftKey);
    else if (e.key === 'PageDown') moveCursor(cursor + page, e.shiftKey);
    else if (e.key === 'PageUp') moveCursor(cursor - page, e.shiftKey);
    else if (e.key === 'Home') moveCursor(0, e.shiftKey);
    else if (e.key === 'End') moveCursor(entries.length - 1, e.shiftKey);
    else if (e.key === 'Enter' && entry) activate(entry);
    else if (e.key === ' ' && entry) toggle(entry);
    else if (e.key === 'Backspace' || (e.key === 'ArrowLeft' && !e.shiftKey)) {
      if (listing?.parent) void navigate(listing.parent);
    } else if (e.key === 'ArrowRight' && entry?.kind === 'dir') void navigate(entry.path);
    else if (e.key === 'a' && (e.ctrlKey || e.metaKey) && multiple) {
      setSelected(selectionOf(entries.filter((x) => isSelectable(x, rules))));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = Date.now();
      typed.current = {
        text: now - typed.current.at < 700 ? typed.current.text + e.key : e.key,
        at: now,
      };
      const from = typed.current.text.length > 1 ? cursor - 1 : cursor;
      moveCursor(typeAheadIndex(entries, from, typed.current.text), false);
    } else return;
    e.preventDefault();
  };

  const here: DirEntry | null = listing
    ? { name: baseName(listing.dir), path: listing.dir, kind: 'dir', bytes: null }
    : null;
  const picks = here ? chosenEntries(selected, here, rules) : [];

  return (
    <div className="fb">
      <FileBrowserBar
        dir={listing?.dir ?? null}
        parent={listing?.parent ?? null}
        sep={sep}
        onNavigate={(dir) => void navigate(dir)}
      />
      {error && <ErrorNotice message={error} onDismiss={() => setError(null)} />}
      <div
        ref={listRef}
        className="fb-list"
        role="listbox"
        aria-label="Folder contents"
        aria-multiselectable={multiple}
        aria-busy={loading}
        tabIndex={0}
        data-autofocus
        onKeyDown={onKeyDown}
      >
        {listing && entries.length === 0 && <div className="fb-empty">This folder is empty.</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index]!;
            const pickable = isSelectable(entry, rules);
            const isSel = selected.has(entry.path);
            return (
              <div
                key={entry.path}
                role="option"
                aria-label={entry.name}
                aria-selected={isSel}
                aria-disabled={!pickable && entry.kind === 'file'}
                className={`fb-row ${row.index === cursor ? 'is-cursor' : ''} ${isSel ? 'is-selected' : ''} ${
                  !pickable && entry.kind === 'file' ? 'is-dim' : ''
                }`}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => onRowClick(e, row.index)}
                onDoubleClick={() => activate(entry)}
              >
                {multiple && (
                  <input
                    type="checkbox"
                    className="fb-check"
                    checked={isSel}
                    disabled={!pickable}
                    tabIndex={-1}
                    aria-label={`Select ${entry.name}`}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggle(entry)}
                  />
                )}
                <Icon
                  name={entry.kind === 'dir' ? 'folder' : 'file'}
                  className={`fb-icon fb-icon-${entry.kind}`}
                />
                <span className="fb-name">{entry.name}</span>
                <span className="fb-size">
                  {entry.bytes !== null ? formatBytes(entry.bytes) : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <div className="fb-footer">
        <label className="fb-hidden">
          <input
            type="checkbox"
            checked={showHidden}
            onChange={(e) => setShowHidden(e.target.checked)}
          />{' '}
          Show hidden
        </label>
        <div className="fb-summary" aria-live="polite">
          {selected.size > 0 ? (
            <>
              {selected.size} selected{' '}
              <button className="fb-link" onClick={() => setSelected(new Map())}>
                clear
              </button>
            </>
          ) : choose === 'folder' && listing ? (
            <span className="muted">Folder: {listing.dir}</span>
          ) : (
            <span className="muted">
              {multiple ? 'Tick files or folders, or double-click a file' : 'Select a file'}
              {extensions ? ` (${extensions.map((x) => `.${x}`).join(', ')})` : ''}
            </span>
          )}
        </div>
        <button className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button
          className="btn btn-primary"
          onClick={() => confirm(picks)}
          disabled={picks.length === 0}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}

import { useStore } from 'zustand';
import { chooseClass } from '../../editor/editorCommands';
import { hotkeyConflicts } from '../../editor/tools/keymap';
import type { LabelController } from './labelController';

/**
 * The classes of the instructions with their hotkeys. Clicking one (or pressing its key)
 * makes it the class for new boxes; with the select tool it also re-classes the selected
 * boxes (while drawing it does not: see CLASS_KEY_RULE). The hint under the list says which.
 */
export function ClassPanel({ ctl }: { ctl: LabelController }) {
  const spec = useStore(ctl.ui, (s) => s.spec);
  const active = useStore(ctl.session.store, (s) => s.activeClassId);
  const readOnly = useStore(ctl.session.store, (s) => s.readOnly);
  const mode = useStore(ctl.session.store, (s) => s.mode);
  const selected = useStore(ctl.session.store, (s) => s.selection.size);
  const classes = spec?.classes ?? [];
  const shadowed = new Set(hotkeyConflicts(spec).map((m) => /^Class "(.*)":/.exec(m)?.[1]));
  return (
    <section className="lb-side-section" aria-label="Classes">
      <h3 className="lb-side-title">Classes</h3>
      {classes.length === 0 && (
        <p className="muted lb-side-empty">No classes yet: a lead adds them in Instructions.</p>
      )}
      <ul className="lb-class-list" role="listbox" aria-label="Class for new and selected boxes">
        {classes.map((c) => (
          <li key={c.id}>
            <button
              className={`lb-class-item ${c.id === active ? 'lb-is-active' : ''}`}
              role="option"
              aria-selected={c.id === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => chooseClass(ctl.session, c.id)}
              disabled={readOnly && c.id !== active}
              title={c.description ? c.description.slice(0, 300) : c.name}
            >
              <span className="lb-swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className="lb-class-name">{c.name}</span>
              {c.hotkey && (
                <kbd
                  className={`lb-kbd ${shadowed.has(c.name) ? 'lb-kbd-shadowed' : ''}`}
                  title={
                    shadowed.has(c.name) ? 'This key is taken by an editor command' : undefined
                  }
                >
                  {c.hotkey.toUpperCase()}
                </kbd>
              )}
            </button>
          </li>
        ))}
      </ul>
      {classes.length > 0 && !readOnly && (
        <p className="lb-class-hint" data-testid="class-key-hint">
          {mode === 'draw'
            ? 'Drawing: a class key sets the class of the next box. Esc deselects, Esc again stops drawing.'
            : selected > 0
              ? `A class key re-classes the ${selected === 1 ? 'selected box' : `${selected} selected boxes`}.`
              : 'A class key sets the class for new boxes (N to draw).'}
        </p>
      )}
    </section>
  );
}

import { useStore } from 'zustand';
import { setItemUncertain } from '../../editor/model/docOps';
import { toggleItemTag, toggleNoDefects } from '../../editor/editorCommands';
import type { LabelController } from './labelController';
import { submitProblem } from './submitRules';

/** Item-level verdict: tags, the explicit "no defects" verdict, and "unsure about this item". */
export function ItemPanel({ ctl }: { ctl: LabelController }) {
  const s = ctl.session;
  const spec = useStore(ctl.ui, (x) => x.spec);
  const doc = useStore(s.store, (x) => x.doc);
  const readOnly = useStore(s.store, (x) => x.readOnly);
  const tags = spec?.tags ?? [];
  const problem = readOnly ? null : submitProblem(doc, spec);
  return (
    <section className="lb-side-section" aria-label="Item">
      <h3 className="lb-side-title">Item</h3>
      <button
        className={`lb-verdict ${doc.noDefects ? 'lb-is-on' : ''}`}
        aria-pressed={doc.noDefects}
        disabled={readOnly || (doc.boxes.length > 0 && !doc.noDefects)}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => toggleNoDefects(s)}
        title={doc.boxes.length > 0 ? 'This item has boxes' : 'Say this item has no defects (0)'}
      >
        <span className="lb-verdict-check" aria-hidden="true">
          {doc.noDefects ? '✓' : ''}
        </span>
        No defects <kbd className="lb-kbd">0</kbd>
      </button>
      {tags.length > 0 && (
        <div className="lb-tag-row" role="group" aria-label="Item tags">
          {tags.map((t) => (
            <button
              key={t.id}
              className={`lb-chip ${doc.tags.includes(t.id) ? 'lb-is-on' : ''}`}
              aria-pressed={doc.tags.includes(t.id)}
              disabled={readOnly}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => toggleItemTag(s, t.id)}
              title={t.hotkey ? `Shift+${t.hotkey.toUpperCase()}` : t.name}
            >
              {t.name}
              {t.hotkey && <kbd className="lb-kbd">⇧{t.hotkey.toUpperCase()}</kbd>}
            </button>
          ))}
        </div>
      )}
      <label className="lb-attr-row">
        <span>Unsure about this item</span>
        <input
          type="checkbox"
          checked={doc.uncertain}
          disabled={readOnly}
          onChange={(e) => s.apply(setItemUncertain(s.doc, e.target.checked))}
        />
      </label>
      {problem && <p className="lb-side-hint">{problem}</p>}
    </section>
  );
}

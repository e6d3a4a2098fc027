import { Dialog } from '../../components/Dialog';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { CLASS_KEY_RULE } from '../../../../shared/domain/editorKeys';
import { BINDINGS, PAN_KEY_LABEL, displayCombo, hotkeyConflicts } from '../../editor/tools/keymap';

const GROUPS = ['Draw & edit', 'View', 'Item', 'Navigate'] as const;
// The far nudges are one line in the sheet ("Nudge 1 px (Shift: 10 px)").
const HIDDEN = new Set([
  'nudgeRight',
  'nudgeUp',
  'nudgeDown',
  'nudgeLeftFar',
  'nudgeRightFar',
  'nudgeUpFar',
  'nudgeDownFar',
]);

/** Every hotkey of the editor, plus this project's class and tag keys (`?`). */
export function CheatSheet({
  spec,
  onClose,
}: {
  spec: InstructionSpec | null;
  onClose: () => void;
}) {
  const mac = navigator.platform.toLowerCase().includes('mac');
  const conflicts = hotkeyConflicts(spec);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} width={760} className="lb-cheat-sheet">
      <div className="lb-cheat-grid">
        {GROUPS.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {BINDINGS.filter((b) => b.group === g && !HIDDEN.has(b.action)).map((b) => (
                <div key={b.action} className="lb-cheat-row">
                  <dt>{b.label}</dt>
                  <dd>
                    {b.action === 'nudgeLeft' ? (
                      <kbd className="lb-kbd">← → ↑ ↓</kbd>
                    ) : (
                      b.keys.map((k) => (
                        <kbd key={k} className="lb-kbd">
                          {displayCombo(k, mac)}
                        </kbd>
                      ))
                    )}
                  </dd>
                </div>
              ))}
              {g === 'View' && (
                <div className="lb-cheat-row">
                  <dt>{PAN_KEY_LABEL}</dt>
                  <dd />
                </div>
              )}
            </dl>
          </section>
        ))}
        <section>
          <h3>Classes (this project)</h3>
          <p className="lb-cheat-note" data-testid="class-key-rule">
            {CLASS_KEY_RULE}
          </p>
          <dl>
            {(spec?.classes ?? []).map((c) => (
              <div key={c.id} className="lb-cheat-row">
                <dt>
                  <span className="lb-swatch" style={{ background: c.color }} /> {c.name}
                </dt>
                <dd>{c.hotkey && <kbd className="lb-kbd">{c.hotkey.toUpperCase()}</kbd>}</dd>
              </div>
            ))}
          </dl>
          {(spec?.tags.length ?? 0) > 0 && <h3>Item tags (Shift + key)</h3>}
          <dl>
            {(spec?.tags ?? []).map((t) => (
              <div key={t.id} className="lb-cheat-row">
                <dt>{t.name}</dt>
                <dd>
                  {t.hotkey && (
                    <kbd className="lb-kbd">{displayCombo(`shift+${t.hotkey}`, mac)}</kbd>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      {conflicts.length > 0 && (
        <ul className="lb-cheat-conflicts">
          {conflicts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

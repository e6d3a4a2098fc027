import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { Icon } from '../../components/Icon';
import { instructionsActions } from './instructionsStore';

export function ClassList({
  spec,
  selectedId,
}: {
  spec: InstructionSpec;
  selectedId: string | null;
}) {
  return (
    <nav className="class-list" aria-label="Classes">
      <ul>
        {spec.classes.map((c) => (
          <li key={c.id}>
            <button
              className={`class-list-item ${c.id === selectedId ? 'is-active' : ''}`}
              aria-current={c.id === selectedId ? 'true' : undefined}
              onClick={() => instructionsActions.selectClass(c.id)}
            >
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className="class-list-name">
                {c.name || <em className="muted">unnamed</em>}
              </span>
              {c.hotkey && <kbd className="kbd">{c.hotkey}</kbd>}
            </button>
          </li>
        ))}
      </ul>
      {spec.classes.length === 0 && <p className="muted class-list-empty">No classes yet.</p>}
      <button className="btn btn-sm class-list-add" onClick={instructionsActions.addClass}>
        <Icon name="plus" /> Add class
      </button>
    </nav>
  );
}

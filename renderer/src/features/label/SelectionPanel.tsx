import { useStore } from 'zustand';
import type { AttributeDef } from '../../../../shared/api/schemas/instructionSpec';
import {
  deleteSelected,
  setSelectedAttribute,
  setSelectionClass,
  toggleUncertainFlag,
} from '../../editor/editorCommands';
import type { LabelController } from './labelController';
import { TextAttributeField } from './TextAttributeField';

/** Class, attributes and the uncertain flag of the selected boxes. */
export function SelectionPanel({ ctl }: { ctl: LabelController }) {
  const s = ctl.session;
  const spec = useStore(ctl.ui, (x) => x.spec);
  const readOnly = useStore(s.store, (x) => x.readOnly);
  const selection = useStore(s.store, (x) => x.selection);
  const doc = useStore(s.store, (x) => x.doc);
  if (selection.size === 0) return null;
  const boxes = doc.boxes.filter((b) => selection.has(b.id));
  if (boxes.length === 0) return null;
  const classIds = new Set(boxes.map((b) => b.classId));
  const oneClass =
    classIds.size === 1 ? spec?.classes.find((c) => c.id === boxes[0]!.classId) : undefined;
  const attrs: AttributeDef[] = oneClass?.attributes ?? [];
  const common = (name: string) => {
    const values = new Set(boxes.map((b) => b.attributes[name]));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const allUncertain = boxes.every((b) => b.uncertain);
  return (
    <section className="lb-side-section" aria-label="Selected boxes">
      <h3 className="lb-side-title">
        {boxes.length === 1 ? 'Selected box' : `${boxes.length} boxes selected`}
        <button
          className="btn btn-sm btn-ghost btn-danger"
          onClick={() => deleteSelected(s)}
          disabled={readOnly}
          title="Delete (Del)"
        >
          Delete
        </button>
      </h3>
      <label className="lb-attr-row">
        <span>Class</span>
        <select
          className="select lb-select-sm"
          value={classIds.size === 1 ? boxes[0]!.classId : ''}
          disabled={readOnly}
          onChange={(e) => setSelectionClass(s, e.target.value)}
        >
          {classIds.size > 1 && <option value="">(mixed)</option>}
          {spec?.classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {attrs.map((a) => {
        const v = common(a.name);
        if (a.type === 'boolean') {
          return (
            <label key={a.name} className="lb-attr-row">
              <span>{a.name}</span>
              <input
                type="checkbox"
                checked={v === true}
                disabled={readOnly}
                onChange={(e) => setSelectedAttribute(s, a.name, e.target.checked)}
              />
            </label>
          );
        }
        if (a.type === 'enum') {
          return (
            <label key={a.name} className="lb-attr-row">
              <span>{a.name}</span>
              <select
                className="select lb-select-sm"
                value={typeof v === 'string' ? v : ''}
                disabled={readOnly}
                onChange={(e) => setSelectedAttribute(s, a.name, e.target.value || undefined)}
              >
                <option value="">—</option>
                {a.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        return (
          <label key={a.name} className="lb-attr-row">
            <span>{a.name}</span>
            <TextAttributeField
              key={[...selection].join(',')}
              session={s}
              ids={selection}
              name={a.name}
              value={typeof v === 'string' ? v : ''}
              disabled={readOnly}
            />
          </label>
        );
      })}
      <label className="lb-attr-row">
        <span>Uncertain</span>
        <input
          type="checkbox"
          checked={allUncertain}
          disabled={readOnly}
          onChange={() => toggleUncertainFlag(s)}
        />
        <kbd className="lb-kbd">U</kbd>
      </label>
      {boxes.length === 1 && (
        <p className="muted lb-box-geometry" data-testid="box-geometry">
          x {Math.round(boxes[0]!.x)}, y {Math.round(boxes[0]!.y)} · {Math.round(boxes[0]!.w)} ×{' '}
          {Math.round(boxes[0]!.h)} px
        </p>
      )}
    </section>
  );
}

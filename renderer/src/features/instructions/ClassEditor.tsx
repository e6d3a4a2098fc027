import { useState } from 'react';
import type { ClassDef, InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import type { HotkeyOwner } from '../../../../shared/domain/editorKeys';
import { HOTKEY_CHOICES, reservedHotkeys } from '../../../../shared/domain/editorKeys';
import { Icon } from '../../components/Icon';
import { AttributesEditor } from './AttributesEditor';
import { DeleteClassDialog } from './DeleteClassDialog';
import { ExamplesEditor } from './ExamplesEditor';
import { instructionsActions, useInstructionsStore } from './instructionsStore';
import { MarkdownEditor } from './MarkdownEditor';

/** Which class or tag already uses each hotkey (so the picker can say so). */
export function hotkeyOwners(spec: InstructionSpec, except: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const c of spec.classes) if (c.hotkey && c.id !== except) owners.set(c.hotkey, c.name);
  for (const t of spec.tags) if (t.hotkey && t.id !== except) owners.set(t.hotkey, `tag ${t.name}`);
  return owners;
}

/**
 * One line naming the keys the picker leaves out, so a lead looking for "d" or "n" sees why
 * it is missing: "a b c d f h i n u v are editor keys" (tags: "Shift+D Shift+F ...").
 */
export function reservedKeysHint(owner: HotkeyOwner): string {
  const keys = [...reservedHotkeys(owner).keys()].filter((k) => HOTKEY_CHOICES.includes(k)).sort();
  const shown = keys.map((k) => (owner === 'tag' ? `Shift+${k.toUpperCase()}` : k));
  return `${shown.join(' ')} ${shown.length === 1 ? 'is an editor key' : 'are editor keys'} (see ? in the editor)`;
}

/**
 * The hotkey picker. Keys the editor itself uses (for a class: D = next item, N = draw,
 * ...; for a tag, pressed with Shift: Shift+D, Shift+F) are not offered; a value saved
 * before that rule stays visible, marked, so the lead sees why the save is refused.
 */
export function HotkeySelect({
  value,
  owners,
  onChange,
  label,
  owner,
}: {
  value: string | null;
  owners: Map<string, string>;
  onChange: (v: string | null) => void;
  label: string;
  owner: HotkeyOwner;
}) {
  const reserved = reservedHotkeys(owner);
  const keys = HOTKEY_CHOICES.filter((k) => !reserved.has(k) || k === value);
  return (
    <select
      className="select"
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">none</option>
      {keys.map((k) => (
        <option key={k} value={k} disabled={owners.has(k) || reserved.has(k)}>
          {k}
          {owners.has(k) ? ` (${owners.get(k)})` : ''}
          {reserved.has(k) ? ` (editor: ${reserved.get(k)})` : ''}
        </option>
      ))}
    </select>
  );
}

/** Everything about one class: name, colour, hotkey, description, attributes, examples. */
export function ClassEditor({ cls, spec }: { cls: ClassDef; spec: InstructionSpec }) {
  const usage = useInstructionsStore(
    (s) => s.usage?.classes.find((u) => u.classId === cls.id) ?? null,
  );
  const [deleting, setDeleting] = useState(false);
  const update = (patch: Partial<ClassDef>) => instructionsActions.updateClass(cls.id, patch);
  const index = spec.classes.findIndex((c) => c.id === cls.id);
  return (
    <section className="class-editor" aria-label={`Class ${cls.name}`}>
      <div className="class-editor-grid">
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            aria-label="Class name"
            value={cls.name}
            onChange={(e) => update({ name: e.target.value })}
            maxLength={120}
          />
        </label>
        <label className="field">
          <span className="field-label">Colour</span>
          <span className="color-field">
            <input
              type="color"
              aria-label="Class colour picker"
              value={cls.color}
              onChange={(e) => update({ color: e.target.value })}
            />
            <input
              className="input mono"
              aria-label="Class colour"
              value={cls.color}
              onChange={(e) => update({ color: e.target.value })}
              maxLength={7}
            />
          </span>
        </label>
        <label className="field">
          <span className="field-label">Hotkey</span>
          <HotkeySelect
            label="Class hotkey"
            owner="class"
            value={cls.hotkey}
            owners={hotkeyOwners(spec, cls.id)}
            onChange={(hotkey) => update({ hotkey })}
          />
        </label>
        <div className="class-editor-actions">
          <button
            className="btn btn-ghost btn-icon"
            aria-label="Move class up"
            title="Move class up (the class list order is the order in the editor)"
            disabled={index <= 0}
            onClick={() => instructionsActions.moveClass(cls.id, -1)}
          >
            <Icon name="up" />
          </button>
          <button
            className="btn btn-danger"
            onClick={() =>
              usage ? setDeleting(true) : instructionsActions.removeClass(cls.id, null)
            }
          >
            <Icon name="trash" /> Delete class
          </button>
        </div>
      </div>
      <p className="field-hint">Hotkeys not offered: {reservedKeysHint('class')}.</p>
      {usage && (
        <p className="field-hint">
          Used by {usage.boxes.toLocaleString('en-US')} box(es) in{' '}
          {usage.annotations.toLocaleString('en-US')} annotation(s). Renaming or recolouring keeps
          them attached.
        </p>
      )}
      <MarkdownEditor
        label="Description"
        value={cls.description}
        onChange={(description) => update({ description })}
        placeholder={
          'What counts as this class, what does not, and how tight the box should be.\n\nMarkdown works: **bold**, lists, tables.'
        }
      />
      <div className="field">
        <span className="field-label">Attributes</span>
        <AttributesEditor
          attributes={cls.attributes}
          onChange={(attributes) => update({ attributes })}
        />
      </div>
      <div className="field">
        <span className="field-label">Examples</span>
        <ExamplesEditor
          examples={cls.examples}
          color={cls.color}
          onChange={(examples) => update({ examples })}
        />
      </div>
      {deleting && usage && (
        <DeleteClassDialog
          cls={cls}
          usage={usage}
          others={spec.classes.filter((c) => c.id !== cls.id)}
          onClose={() => setDeleting(false)}
          onConfirm={(resolution) => {
            setDeleting(false);
            instructionsActions.removeClass(cls.id, resolution);
          }}
        />
      )}
    </section>
  );
}

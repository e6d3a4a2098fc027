import { useState } from 'react';
import type { InstructionSpec, TagDef } from '../../../../shared/api/schemas/instructionSpec';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { HotkeySelect, hotkeyOwners, reservedKeysHint } from './ClassEditor';
import { instructionsActions, useInstructionsStore } from './instructionsStore';

function RemoveTagDialog({
  tag,
  count,
  others,
  onClose,
}: {
  tag: TagDef;
  count: number;
  others: TagDef[];
  onClose: () => void;
}) {
  const [into, setInto] = useState<string>(others[0]?.id ?? '');
  return (
    <Dialog
      title={`Delete tag "${tag.name}"?`}
      onClose={onClose}
      width={460}
      footer={
        <>
          <button className="btn btn-ghost" onClick={onClose}>
            Keep the tag
          </button>
          <button
            className="btn btn-primary"
            onClick={() => {
              instructionsActions.removeTag(
                tag.id,
                into
                  ? { tagId: tag.id, action: 'merge', intoTagId: into }
                  : { tagId: tag.id, action: 'remove' },
              );
              onClose();
            }}
          >
            Delete tag
          </button>
        </>
      }
    >
      <p>{count.toLocaleString('en-US')} annotation(s) carry this tag. When you save, it is</p>
      <label className="field">
        <select
          className="select"
          value={into}
          onChange={(e) => setInto(e.target.value)}
          aria-label="Replace the tag with"
        >
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              replaced by "{t.name}"
            </option>
          ))}
          <option value="">removed from them</option>
        </select>
      </label>
    </Dialog>
  );
}

/** Item-level tags; one of them may be the explicit "no defects" verdict. */
export function TagsEditor({ spec }: { spec: InstructionSpec }) {
  const usage = useInstructionsStore((s) => s.usage?.tags);
  const [removing, setRemoving] = useState<TagDef | null>(null);
  return (
    <section className="tags-editor" aria-label="Item tags">
      <p className="muted">
        Tags describe the whole item (usually one per item). Mark the tag that means "nothing to
        label here": choosing it is the explicit "no defects" verdict that lets an empty item be
        submitted.
      </p>
      <table className="tags-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>No defects</th>
            <th title="Tag hotkeys are pressed with Shift in the editor">Hotkey (Shift+)</th>
            <th>Description</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {spec.tags.map((t) => {
            const used = usage?.find((u) => u.tagId === t.id)?.annotations ?? 0;
            return (
              <tr key={t.id}>
                <td>
                  <input
                    className="input input-sm"
                    aria-label="Tag name"
                    value={t.name}
                    onChange={(e) => instructionsActions.updateTag(t.id, { name: e.target.value })}
                  />
                </td>
                <td className="center">
                  <input
                    type="radio"
                    name="no-defects-tag"
                    aria-label={`"${t.name}" is the no defects verdict`}
                    checked={t.noDefects}
                    onChange={() => instructionsActions.updateTag(t.id, { noDefects: true })}
                  />
                </td>
                <td>
                  <HotkeySelect
                    label="Tag hotkey"
                    owner="tag"
                    value={t.hotkey}
                    owners={hotkeyOwners(spec, t.id)}
                    onChange={(hotkey) => instructionsActions.updateTag(t.id, { hotkey })}
                  />
                </td>
                <td>
                  {/* Markdown, often several lines: a textarea that grows with its text. */}
                  <textarea
                    className="input input-sm tags-desc"
                    aria-label="Tag description"
                    placeholder="Markdown: when to use this tag"
                    rows={Math.min(12, Math.max(2, t.description.split('\n').length + 1))}
                    value={t.description}
                    onChange={(e) =>
                      instructionsActions.updateTag(t.id, { description: e.target.value })
                    }
                  />
                </td>
                <td>
                  <button
                    className="btn btn-ghost btn-icon btn-sm"
                    aria-label={`Delete tag ${t.name}`}
                    onClick={() =>
                      used ? setRemoving(t) : instructionsActions.removeTag(t.id, null)
                    }
                  >
                    <Icon name="trash" />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">Tag hotkeys: {reservedKeysHint('tag')}.</p>
      <div className="row-gap">
        <button className="btn btn-sm" onClick={instructionsActions.addTag}>
          <Icon name="plus" /> Add tag
        </button>
        {spec.tags.some((t) => t.noDefects) && (
          <button
            className="btn btn-ghost btn-sm"
            onClick={() =>
              spec.tags.forEach(
                (t) => t.noDefects && instructionsActions.updateTag(t.id, { noDefects: false }),
              )
            }
          >
            No tag is the "no defects" verdict
          </button>
        )}
      </div>
      {removing && (
        <RemoveTagDialog
          tag={removing}
          count={usage?.find((u) => u.tagId === removing.id)?.annotations ?? 0}
          others={spec.tags.filter((t) => t.id !== removing.id)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

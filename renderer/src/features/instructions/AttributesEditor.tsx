import { useState } from 'react';
import type { AttributeDef } from '../../../../shared/api/schemas/instructionSpec';
import { Icon } from '../../components/Icon';

type AttrType = AttributeDef['type'];

/** Keeps the text as typed ("minor, ") while handing on only the non-empty options. */
function OptionsInput({
  index,
  options,
  onChange,
}: {
  index: number;
  options: string[];
  onChange: (o: string[]) => void;
}) {
  const [text, setText] = useState(options.join(', '));
  return (
    <input
      className="input input-sm attr-options"
      aria-label={`Attribute ${index + 1} options`}
      value={text}
      placeholder="options, comma separated"
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

function withType(a: AttributeDef, type: AttrType): AttributeDef {
  if (type === 'enum')
    return { name: a.name, type, options: a.type === 'enum' ? a.options : ['yes', 'no'] };
  return { name: a.name, type };
}

/** Per-class attributes: a choice from options, a yes/no flag, or free text. */
export function AttributesEditor({
  attributes,
  onChange,
}: {
  attributes: AttributeDef[];
  onChange: (next: AttributeDef[]) => void;
}) {
  const update = (i: number, a: AttributeDef) =>
    onChange(attributes.map((x, j) => (j === i ? a : x)));
  return (
    <div className="attr-editor">
      {attributes.length === 0 && (
        <p className="muted attr-empty">No attributes. Boxes of this class carry only the class.</p>
      )}
      {attributes.map((a, i) => (
        <div className="attr-row" key={`${attributes.length}-${i}`}>
          <input
            className="input input-sm"
            aria-label={`Attribute ${i + 1} name`}
            value={a.name}
            placeholder="name, e.g. severity"
            onChange={(e) => update(i, { ...a, name: e.target.value })}
          />
          <select
            className="select select-sm"
            aria-label={`Attribute ${i + 1} type`}
            value={a.type}
            onChange={(e) => update(i, withType(a, e.target.value as AttrType))}
          >
            <option value="enum">choice</option>
            <option value="boolean">yes / no</option>
            <option value="text">text</option>
          </select>
          {a.type === 'enum' ? (
            <OptionsInput
              index={i}
              options={a.options}
              onChange={(options) => update(i, { ...a, options })}
            />
          ) : (
            <span className="attr-options muted">
              {a.type === 'boolean' ? 'checked or not' : 'free text per box'}
            </span>
          )}
          <button
            className="btn btn-ghost btn-icon btn-sm"
            type="button"
            aria-label={`Remove attribute ${a.name || i + 1}`}
            onClick={() => onChange(attributes.filter((_, j) => j !== i))}
          >
            <Icon name="trash" />
          </button>
        </div>
      ))}
      <button
        className="btn btn-sm"
        type="button"
        onClick={() =>
          onChange([
            ...attributes,
            {
              name: `attribute ${attributes.length + 1}`,
              type: 'enum',
              options: ['minor', 'major'],
            },
          ])
        }
      >
        <Icon name="plus" /> Add attribute
      </button>
    </div>
  );
}

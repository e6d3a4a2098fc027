import { useState } from 'react';
import type { ClassExample } from '../../../../shared/api/schemas/instructionSpec';
import { Icon } from '../../components/Icon';
import { ExamplePickerDialog } from './ExamplePickerDialog';
import { ExampleThumb } from './ExampleThumb';

export function ExamplesEditor({
  examples,
  color,
  onChange,
}: {
  examples: ClassExample[];
  color: string;
  onChange: (next: ClassExample[]) => void;
}) {
  const [picking, setPicking] = useState(false);
  return (
    <div className="examples-editor">
      <div className="examples-row">
        {examples.map((e, i) => (
          <div className="example-item" key={`${e.assetId}-${i}`}>
            <ExampleThumb example={e} color={color} size={140} />
            <button
              className="btn btn-ghost btn-icon btn-sm example-remove"
              aria-label={`Remove example ${i + 1}`}
              onClick={() => onChange(examples.filter((_, j) => j !== i))}
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
        <button className="example-add" onClick={() => setPicking(true)}>
          <Icon name="plus" />
          Add example
        </button>
      </div>
      {picking && (
        <ExamplePickerDialog
          color={color}
          onClose={() => setPicking(false)}
          onPick={(e) => {
            onChange([...examples, e]);
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}

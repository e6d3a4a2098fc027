import { useState } from 'react';
import type { ClassDef } from '../../../../shared/api/schemas/instructionSpec';
import type { ClassResolution, ClassUsage } from '../../../../shared/api/schemas/instructions';
import { Dialog } from '../../components/Dialog';

/** Deleting a class that has boxes: merge them into another class, or delete them. */
export function DeleteClassDialog({
  cls,
  usage,
  others,
  onConfirm,
  onClose,
}: {
  cls: ClassDef;
  usage: ClassUsage;
  others: ClassDef[];
  onConfirm: (r: ClassResolution) => void;
  onClose: () => void;
}) {
  const [action, setAction] = useState<'merge' | 'deleteBoxes'>(
    others.length ? 'merge' : 'deleteBoxes',
  );
  const [into, setInto] = useState(others[0]?.id ?? '');
  return (
    <Dialog
      title={`Delete class "${cls.name}"?`}
      onClose={onClose}
      width={480}
      footer={
        <>
          <button className="btn btn-ghost" onClick={onClose}>
            Keep the class
          </button>
          <button
            className="btn btn-primary"
            disabled={action === 'merge' && !into}
            onClick={() =>
              onConfirm(
                action === 'merge'
                  ? { classId: cls.id, action, intoClassId: into }
                  : { classId: cls.id, action },
              )
            }
          >
            {action === 'merge' ? 'Merge and delete' : 'Delete boxes and class'}
          </button>
        </>
      }
    >
      <p>
        {usage.boxes.toLocaleString('en-US')} box(es) in {usage.annotations.toLocaleString('en-US')}{' '}
        annotation(s) use this class. Choose what happens to them when you save. Each change is
        recorded in the annotations' history.
      </p>
      <div className="radio-list">
        <label className="radio">
          <input
            type="radio"
            checked={action === 'merge'}
            disabled={!others.length}
            onChange={() => setAction('merge')}
          />
          <span>Merge them into</span>
          <select
            className="select select-sm"
            value={into}
            disabled={action !== 'merge'}
            onChange={(e) => setInto(e.target.value)}
          >
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="radio">
          <input
            type="radio"
            checked={action === 'deleteBoxes'}
            onChange={() => setAction('deleteBoxes')}
          />
          <span>Delete the boxes</span>
        </label>
      </div>
    </Dialog>
  );
}

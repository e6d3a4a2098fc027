import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { ExampleThumb } from './ExampleThumb';
import { MarkdownView } from './MarkdownView';
import './instructions.css';

/**
 * What the labeler reads beside the canvas: the selected class's description (rendered
 * Markdown), its attributes and its examples with the highlighted box.
 */
export function InstructionsPanel({
  spec,
  classId,
}: {
  spec: InstructionSpec;
  classId: string | null;
}) {
  const cls = spec.classes.find((c) => c.id === classId) ?? null;
  if (!cls) {
    return (
      <aside className="instr-panel" aria-label="Instructions">
        <p className="muted">Select a class to see how to label it.</p>
      </aside>
    );
  }
  return (
    <aside className="instr-panel" aria-label={`Instructions for ${cls.name}`}>
      <header className="instr-panel-head">
        <span className="swatch" style={{ background: cls.color }} aria-hidden="true" />
        <h3>{cls.name}</h3>
        {cls.hotkey && <kbd className="kbd">{cls.hotkey}</kbd>}
      </header>
      <MarkdownView source={cls.description} />
      {cls.attributes.length > 0 && (
        <section>
          <h4>Attributes</h4>
          <ul className="instr-panel-attrs">
            {cls.attributes.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong>{' '}
                <span className="muted">
                  {a.type === 'enum'
                    ? a.options.join(' / ')
                    : a.type === 'boolean'
                      ? 'yes / no'
                      : 'text'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {cls.examples.length > 0 && (
        <section>
          <h4>Examples</h4>
          <div className="instr-panel-examples">
            {cls.examples.map((e, i) => (
              <ExampleThumb key={`${e.assetId}-${i}`} example={e} color={cls.color} size={132} />
            ))}
          </div>
        </section>
      )}
    </aside>
  );
}

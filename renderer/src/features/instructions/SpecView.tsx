import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { InstructionsPanel } from './InstructionsPanel';
import { MarkdownView } from './MarkdownView';

/** A whole version, read-only: what labelers see, and how old versions are shown. */
export function SpecView({ spec }: { spec: InstructionSpec }) {
  const t = spec.transcript;
  return (
    <div className="spec-view">
      <section>
        <h3>Classes</h3>
        {spec.classes.length === 0 && <p className="muted">No classes in this version.</p>}
        <div className="spec-view-classes">
          {spec.classes.map((c) => (
            <InstructionsPanel key={c.id} spec={spec} classId={c.id} />
          ))}
        </div>
      </section>
      <section>
        <h3>Item tags</h3>
        <ul className="spec-view-tags">
          {spec.tags.map((tag) => (
            <li key={tag.id}>
              <strong>{tag.name}</strong>
              {tag.noDefects && <span className="tag tag-accent">no defects verdict</span>}
              {tag.hotkey && <kbd className="kbd">{tag.hotkey}</kbd>}
              {tag.description && <span className="muted"> — {tag.description}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Transcripts</h3>
        <p>
          {t.lowercase ? 'Lower case' : 'Case kept'},{' '}
          {t.stripPunctuation ? 'punctuation ignored' : 'punctuation kept'}, numbers{' '}
          {t.numbers === 'as-typed' ? 'as typed' : `as ${t.numbers}`}, fillers{' '}
          {t.fillers.join(', ') || 'none'} ({t.dropFillers ? 'dropped' : 'kept'}).
        </p>
        {t.notes && <MarkdownView source={t.notes} />}
      </section>
    </div>
  );
}

import { useState } from 'react';
import type { TranscriptRules } from '../../../../shared/api/schemas/instructionSpec';
import { instructionsActions } from './instructionsStore';
import { MarkdownEditor } from './MarkdownEditor';

/** How transcripts are written, and how they are normalised before WER/CER are computed. */
export function TranscriptRulesEditor({
  rules,
  readOnly = false,
}: {
  rules: TranscriptRules;
  readOnly?: boolean;
}) {
  const [fillers, setFillers] = useState(rules.fillers.join(', '));
  const update = instructionsActions.updateTranscript;
  return (
    <section className="transcript-rules" aria-label="Transcript conventions">
      <fieldset disabled={readOnly} className="transcript-grid">
        <label className="check">
          <input
            type="checkbox"
            checked={rules.lowercase}
            onChange={(e) => update({ lowercase: e.target.checked })}
          />
          Compare in lower case
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={rules.stripPunctuation}
            onChange={(e) => update({ stripPunctuation: e.target.checked })}
          />
          Ignore punctuation
        </label>
        <label className="field">
          <span className="field-label">Filler words</span>
          <input
            className="input"
            value={fillers}
            placeholder="um, uh, er"
            onChange={(e) => {
              setFillers(e.target.value);
              update({
                fillers: e.target.value
                  .split(',')
                  .map((f) => f.trim())
                  .filter(Boolean),
              });
            }}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={rules.dropFillers}
            onChange={(e) => update({ dropFillers: e.target.checked })}
          />
          Drop filler words before comparing
        </label>
        <label className="field">
          <span className="field-label">Numbers</span>
          <select
            className="select"
            value={rules.numbers}
            onChange={(e) => update({ numbers: e.target.value as TranscriptRules['numbers'] })}
          >
            <option value="words">as spoken words (twenty five)</option>
            <option value="digits">as digits (25)</option>
            <option value="as-typed">as typed (no rule)</option>
          </select>
        </label>
      </fieldset>
      {!readOnly && (
        <MarkdownEditor
          label="Notes for transcribers"
          value={rules.notes}
          onChange={(notes) => update({ notes })}
        />
      )}
    </section>
  );
}

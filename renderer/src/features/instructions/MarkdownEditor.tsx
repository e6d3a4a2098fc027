import { useState } from 'react';
import { MarkdownView } from './MarkdownView';

/** A textarea with a live preview beside it (or a Write/Preview toggle when narrow). */
export function MarkdownEditor({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
}) {
  const [mode, setMode] = useState<'split' | 'write' | 'preview'>('split');
  return (
    <div className={`md-editor md-editor-${mode}`}>
      <div className="md-editor-bar">
        <span className="field-label">{label}</span>
        <div className="segmented" role="tablist" aria-label={`${label} view`}>
          {(['write', 'split', 'preview'] as const).map((m) => (
            <button
              key={m}
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'is-active' : ''}
              onClick={() => setMode(m)}
              type="button"
            >
              {m === 'write' ? 'Write' : m === 'split' ? 'Side by side' : 'Preview'}
            </button>
          ))}
        </div>
      </div>
      <div className="md-editor-panes">
        {mode !== 'preview' && (
          <textarea
            className="input md-editor-text"
            aria-label={label}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {mode !== 'write' && (
          <div className="md-editor-preview" aria-label={`${label} preview`}>
            <MarkdownView source={value} empty="The preview appears here." />
          </div>
        )}
      </div>
    </div>
  );
}

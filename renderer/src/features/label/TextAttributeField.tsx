import { useEffect, useRef, useState } from 'react';
import { typeTextAttribute } from '../../editor/editorCommands';
import type { EditorSession } from '../../editor/editorSession';

/** How long typing may pause before the text goes into the document (then autosave). */
export const TEXT_COMMIT_MS = 300;

let editSeq = 0;

interface Edit {
  /** Names the history step this field edit amends (one undo step per focus). */
  key: string;
  assetId: number | null;
  text: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * A box's text attribute. The text goes into the document as the labeler types (debounced,
 * like any edit, so autosave stores it within a second), on blur, and whenever the item is
 * about to change (`session.flushFields`); all commits of one focus are one undo step.
 */
export function TextAttributeField({
  session: s,
  ids,
  name,
  value,
  disabled,
}: {
  session: EditorSession;
  ids: ReadonlySet<string>;
  name: string;
  value: string;
  disabled: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const edit = useRef<Edit | null>(null);
  const commit = useRef(() => {});
  commit.current = () => {
    const e = edit.current;
    if (!e) return;
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
    // Typed on an item that is no longer open: never write it into another item.
    if (e.assetId !== s.state.assetId) return;
    typeTextAttribute(s, ids, name, e.text, e.key);
  };
  useEffect(() => {
    const off = s.onFlushFields(() => commit.current());
    return () => {
      off();
      commit.current();
    };
  }, [s]);
  return (
    <input
      className="input lb-input-sm"
      value={draft ?? value}
      disabled={disabled}
      aria-label={name}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        edit.current ??= {
          key: `attr:${name}:${++editSeq}`,
          assetId: s.state.assetId,
          text,
          timer: null,
        };
        const cur = edit.current;
        cur.text = text;
        if (cur.timer) clearTimeout(cur.timer);
        cur.timer = setTimeout(() => commit.current(), TEXT_COMMIT_MS);
      }}
      onBlur={() => {
        commit.current();
        edit.current = null;
        setDraft(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
    />
  );
}

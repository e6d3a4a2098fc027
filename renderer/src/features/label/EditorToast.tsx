import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { EditorSession } from '../../editor/editorSession';

/** Short messages from the editor ("choose a class first", "submitted"), gone after a few seconds. */
export function EditorToast({ session }: { session: EditorSession }) {
  const message = useStore(session.store, (s) => s.message);
  const [visible, setVisible] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    setVisible(message.text);
    const t = setTimeout(() => setVisible(null), 3500);
    return () => clearTimeout(t);
  }, [message]);
  if (!visible) return null;
  return (
    <div className="editor-toast" role="status" aria-live="polite">
      {visible}
    </div>
  );
}

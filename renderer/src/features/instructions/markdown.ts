import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// One private instance: GitHub-flavoured Markdown, single newlines kept as line breaks
// (instructions are written like notes, not like documents).
const md = new Marked({ gfm: true, breaks: true });

// Links in instructions open nowhere inside the app window (navigation is blocked anyway);
// keep their text and target visible, and never let them replace the app.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Markdown -> sanitised HTML. Never render instruction text without this. */
export function renderMarkdown(source: string): string {
  const html = md.parse(source, { async: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input'],
  });
}

import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** Rendered, sanitised Markdown (marked + DOMPurify). */
export function MarkdownView({
  source,
  empty = 'No description yet.',
}: {
  source: string;
  empty?: string;
}) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (!source.trim()) return <p className="md-empty muted">{empty}</p>;
  // The HTML comes from DOMPurify; this is the one place instruction text becomes markup.
  return <div className="md" dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The "no defects" verdict and the instructions' no-defects tag (usually `ok`) are one
 * concept stored in two places: `doc.noDefects` and the tag id in `doc.tags`. Everything
 * that writes a document (the editor, the annotation service, interchange import and
 * export) goes through these functions, so the two never disagree: either one saying
 * "no defects" means both do.
 */

/** The part of a document that holds the verdict. */
export interface VerdictFields {
  tags: readonly string[];
  noDefects: boolean;
}

/** The part of the instructions that names the no-defects tag. */
export interface VerdictSpec {
  tags: ReadonlyArray<{ id: string; noDefects: boolean }>;
}

/** Id of the instructions' no-defects tag, or null when they define none. */
export function noDefectsTagId(spec: VerdictSpec | null | undefined): string | null {
  return spec?.tags.find((t) => t.noDefects)?.id ?? null;
}

/** Whether the document says "no defects", by the flag or by the tag. */
export function saysNoDefects(doc: VerdictFields, spec: VerdictSpec | null | undefined): boolean {
  const tag = noDefectsTagId(spec);
  return doc.noDefects || (tag !== null && doc.tags.includes(tag));
}

/**
 * The verdict set to `value`, flag and tag together: setting adds the no-defects tag
 * (at the end), clearing removes it. Other tags are kept in their order.
 */
export function withVerdict(
  doc: VerdictFields,
  value: boolean,
  spec: VerdictSpec | null | undefined,
): { tags: string[]; noDefects: boolean } {
  const tag = noDefectsTagId(spec);
  let tags = [...doc.tags];
  if (tag !== null) {
    const has = tags.includes(tag);
    if (value && !has) tags = [...tags, tag];
    if (!value && has) tags = tags.filter((t) => t !== tag);
  }
  return { tags, noDefects: value };
}

/**
 * Makes flag and tag agree: when either says "no defects", both do. Returns the same
 * values (new arrays) when they already agree.
 */
export function normalizeVerdict(
  doc: VerdictFields,
  spec: VerdictSpec | null | undefined,
): { tags: string[]; noDefects: boolean } {
  return withVerdict(doc, saysNoDefects(doc, spec), spec);
}

import type { AnnotationDoc } from '../../api/schemas/annotationDoc';

/**
 * Item tags as one nominal value per labeler and item (product.md: "an item's tag set is one
 * nominal value").
 *
 * The value is the labeler's set of item-tag ids plus, when the explicit "no defects" verdict
 * is set, the project's no-defects tag (the tag whose definition has `noDefects: true`, e.g.
 * "ok"). So choosing the "ok" tag, ticking the verdict, or both, are the same value; a verdict
 * together with "uncertain" is the value {ok, uncertain}. Without a no-defects tag in the
 * instructions the verdict stands for itself as NO_DEFECTS_VALUE.
 *
 * A labeler who set neither a tag nor the verdict did not tag the item: a missing value (it is
 * left out of kappa and alpha), not an "empty" category.
 */
export const NO_DEFECTS_VALUE = '#no-defects';

/** The sorted, de-duplicated tag set, or null when the labeler did not tag the item. */
export function itemTagSet(
  doc: Pick<AnnotationDoc, 'tags' | 'noDefects'> | undefined,
  noDefectsTagId: string | null = null,
): string[] | null {
  if (!doc) return null;
  const set = new Set(doc.tags);
  if (doc.noDefects) set.add(noDefectsTagId ?? NO_DEFECTS_VALUE);
  if (set.size === 0) return null;
  return [...set].sort();
}

/** A collision-free category key for a tag set (tag ids may contain any character). */
export function tagSetKey(set: readonly string[]): string {
  // The usual single tag skips JSON; "=" can never start a JSON array, so keys cannot collide.
  return set.length === 1 ? `=${set[0]}` : JSON.stringify(set);
}

/**
 * Concord's own JSON files may carry a stamp, `"format": "concord-annotations"` and
 * `"formatVersion": 1`, so a file from a newer Concord (or another tool) is refused instead
 * of being half-understood. Files without a stamp (hand-written, product.md's minimal
 * examples, exports from before the stamp) are read as the current version.
 */
export const ANNOTATIONS_FORMAT = 'concord-annotations';
export const ANNOTATIONS_FORMAT_VERSION = 1;
export const INSTRUCTIONS_FORMAT = 'concord-instructions';
export const INSTRUCTIONS_FORMAT_VERSION = 1;

/**
 * Why a file with this stamp cannot be read, as the end of a sentence that starts with the
 * file's name ("<file> is concord-annotations format version 7; ..."), or null when it can.
 */
export function formatStampProblem(
  root: unknown,
  expected: string,
  readsVersion: number,
  what: string,
): string | null {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return null;
  const { format, formatVersion } = root as { format?: unknown; formatVersion?: unknown };
  if (format !== undefined && format !== expected) {
    return `is not ${what}: it says "format": ${JSON.stringify(format)} (expected "${expected}")`;
  }
  if (formatVersion === undefined) return null;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return `has an unreadable "formatVersion": ${JSON.stringify(formatVersion)} (expected a whole number such as ${readsVersion})`;
  }
  if (formatVersion > readsVersion) {
    return `is ${expected} format version ${formatVersion}; this Concord reads version ${readsVersion}. Update Concord.`;
  }
  return null;
}

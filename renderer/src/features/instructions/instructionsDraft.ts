import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import type { ClassResolution, TagResolution } from '../../../../shared/api/schemas/instructions';

/**
 * The lead's unsaved instructions draft, kept in localStorage per project and person so a
 * reload (or closing the window by mistake) does not throw an afternoon's writing away.
 * Pure functions over a Storage-like object, so they are tested without a browser.
 */
export interface StoredDraft {
  /** The saved version the draft started from. */
  baseVersion: number;
  spec: InstructionSpec;
  classResolutions: ClassResolution[];
  tagResolutions: TagResolution[];
  /** ISO time of the last change. */
  savedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function draftKey(projectPath: string, profileId: number | null): string {
  return `concord.instructionsDraft:${profileId ?? 'owner'}:${projectPath}`;
}

export function writeDraft(storage: Store, key: string, draft: StoredDraft): void {
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft still lives in memory for this window.
  }
}

/** The stored draft, or null when there is none or it is unreadable (then it is removed). */
export function readDraft(storage: Store, key: string): StoredDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<StoredDraft> | null;
    if (
      d &&
      typeof d.baseVersion === 'number' &&
      typeof d.savedAt === 'string' &&
      d.spec &&
      Array.isArray(d.spec.classes) &&
      Array.isArray(d.spec.tags)
    ) {
      return {
        baseVersion: d.baseVersion,
        spec: d.spec,
        classResolutions: Array.isArray(d.classResolutions) ? d.classResolutions : [],
        tagResolutions: Array.isArray(d.tagResolutions) ? d.tagResolutions : [],
        savedAt: d.savedAt,
      };
    }
  } catch {
    // fall through: a damaged entry is dropped rather than offered
  }
  clearDraft(storage, key);
  return null;
}

export function clearDraft(storage: Store, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Whether a stored draft is worth offering: it differs from the saved version. */
export function draftDiffers(draft: StoredDraft, saved: InstructionSpec): boolean {
  return (
    draft.classResolutions.length > 0 ||
    draft.tagResolutions.length > 0 ||
    JSON.stringify(draft.spec) !== JSON.stringify(saved)
  );
}

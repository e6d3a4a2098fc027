import { describe, expect, it } from 'vitest';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { clearDraft, draftDiffers, draftKey, readDraft, writeDraft } from './instructionsDraft';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const spec = (description: string) =>
  ({
    name: 'Steel',
    classes: [{ id: 'c1', name: 'pit', color: '#000000', hotkey: '1', description }],
    tags: [],
    transcript: {},
  }) as unknown as InstructionSpec;

describe('instructions draft storage', () => {
  it('keys drafts by project and person', () => {
    expect(draftKey('/p/a.concord', 2)).not.toBe(draftKey('/p/b.concord', 2));
    expect(draftKey('/p/a.concord', 2)).not.toBe(draftKey('/p/a.concord', 3));
  });

  it('round-trips a draft, offers it only when it differs, and clears it', () => {
    const s = memoryStorage();
    const key = draftKey('/p/a.concord', 1);
    expect(readDraft(s, key)).toBeNull();
    const draft = {
      baseVersion: 3,
      spec: spec('A **round** dent'),
      classResolutions: [],
      tagResolutions: [],
      savedAt: '2024-05-01T10:00:00.000Z',
    };
    writeDraft(s, key, draft);
    const back = readDraft(s, key);
    expect(back).toEqual(draft);
    expect(draftDiffers(back!, spec('A **round** dent'))).toBe(false);
    expect(draftDiffers(back!, spec('old text'))).toBe(true);
    clearDraft(s, key);
    expect(readDraft(s, key)).toBeNull();
  });

  it('drops a damaged entry instead of offering it', () => {
    const s = memoryStorage();
    const key = draftKey('/p/a.concord', 1);
    s.setItem(key, '{"baseVersion": 2, "spec": nul');
    expect(readDraft(s, key)).toBeNull();
    expect(s.m.has(key)).toBe(false);
    s.setItem(key, JSON.stringify({ baseVersion: 'x' }));
    expect(readDraft(s, key)).toBeNull();
  });

  it('survives a storage that refuses writes', () => {
    const s = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() =>
      writeDraft(s, 'k', {
        baseVersion: 1,
        spec: spec('x'),
        classResolutions: [],
        tagResolutions: [],
        savedAt: '',
      }),
    ).not.toThrow();
  });
});

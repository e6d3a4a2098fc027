import { describe, expect, it } from 'vitest';
import { noDefectsTagId, normalizeVerdict, saysNoDefects, withVerdict } from './verdict';

const spec = {
  tags: [
    { id: 'tag_ok', noDefects: true },
    { id: 'tag_defective', noDefects: false },
  ],
};
const noTag = { tags: [{ id: 'tag_defective', noDefects: false }] };

describe('the "no defects" verdict', () => {
  it('finds the no-defects tag', () => {
    expect(noDefectsTagId(spec)).toBe('tag_ok');
    expect(noDefectsTagId(noTag)).toBeNull();
    expect(noDefectsTagId(null)).toBeNull();
  });

  it('reads the verdict from the flag or the tag', () => {
    expect(saysNoDefects({ tags: ['tag_ok'], noDefects: false }, spec)).toBe(true);
    expect(saysNoDefects({ tags: [], noDefects: true }, spec)).toBe(true);
    expect(saysNoDefects({ tags: ['tag_defective'], noDefects: false }, spec)).toBe(false);
    expect(saysNoDefects({ tags: ['tag_ok'], noDefects: false }, noTag)).toBe(false);
  });

  it('normalises: the tag implies the flag and the flag implies the tag', () => {
    expect(normalizeVerdict({ tags: ['tag_ok'], noDefects: false }, spec)).toEqual({
      tags: ['tag_ok'],
      noDefects: true,
    });
    expect(normalizeVerdict({ tags: ['tag_defective'], noDefects: true }, spec)).toEqual({
      tags: ['tag_defective', 'tag_ok'],
      noDefects: true,
    });
    expect(normalizeVerdict({ tags: ['tag_defective'], noDefects: false }, spec)).toEqual({
      tags: ['tag_defective'],
      noDefects: false,
    });
    // Instructions without a no-defects tag: the flag stands alone.
    expect(normalizeVerdict({ tags: [], noDefects: true }, noTag)).toEqual({
      tags: [],
      noDefects: true,
    });
  });

  it('sets and clears flag and tag together, keeping other tags in order', () => {
    const doc = { tags: ['tag_defective'], noDefects: false };
    expect(withVerdict(doc, true, spec)).toEqual({
      tags: ['tag_defective', 'tag_ok'],
      noDefects: true,
    });
    expect(
      withVerdict({ tags: ['tag_ok', 'tag_defective'], noDefects: true }, false, spec),
    ).toEqual({ tags: ['tag_defective'], noDefects: false });
    expect(doc.tags).toEqual(['tag_defective']); // inputs are never mutated
  });
});

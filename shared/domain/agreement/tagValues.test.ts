import { describe, expect, it } from 'vitest';
import { itemTagSet, NO_DEFECTS_VALUE, tagSetKey } from './tagValues';

describe('itemTagSet', () => {
  it('is missing when the labeler has no doc or set neither tag nor verdict', () => {
    expect(itemTagSet(undefined)).toBeNull();
    expect(itemTagSet({ tags: [], noDefects: false })).toBeNull();
  });

  it('sorts and de-duplicates tags', () => {
    expect(itemTagSet({ tags: ['uncertain', 'defective', 'uncertain'], noDefects: false })).toEqual(
      ['defective', 'uncertain'],
    );
  });

  it('maps the no-defects verdict onto the no-defects tag, so verdict and tag are one value', () => {
    const verdict = itemTagSet({ tags: [], noDefects: true }, 'ok');
    const tag = itemTagSet({ tags: ['ok'], noDefects: false }, 'ok');
    const both = itemTagSet({ tags: ['ok'], noDefects: true }, 'ok');
    expect(verdict).toEqual(['ok']);
    expect(tag).toEqual(['ok']);
    expect(both).toEqual(['ok']);
    expect(itemTagSet({ tags: ['uncertain'], noDefects: true }, 'ok')).toEqual(['ok', 'uncertain']);
  });

  it('uses a reserved value for the verdict when the instructions have no no-defects tag', () => {
    expect(itemTagSet({ tags: [], noDefects: true })).toEqual([NO_DEFECTS_VALUE]);
  });
});

describe('tagSetKey', () => {
  it('keeps sets apart even when ids contain separators', () => {
    expect(tagSetKey(['a,b'])).not.toBe(tagSetKey(['a', 'b']));
    expect(tagSetKey(['a', 'b'])).toBe(tagSetKey(['a', 'b']));
  });
});

import { describe, expect, it } from 'vitest';
import { BINDINGS, reservedHotkeys } from './editorKeys';
import { defaultInstructionSpec, freeHotkeys, specProblems } from './instructions';

describe('editor keys reserved for the editor', () => {
  it('lists the bare keys a class cannot use and the Shift keys a tag cannot use', () => {
    expect([...reservedHotkeys('class').keys()].sort()).toEqual(
      ['0', 'a', 'b', 'c', 'd', 'f', 'h', 'i', 'n', 'u', 'v'].sort(),
    );
    expect(reservedHotkeys('class').get('d')).toBe('Next item');
    expect([...reservedHotkeys('tag').entries()]).toEqual([
      ['f', 'Actual size (1:1)'],
      ['d', 'Next unfinished item'],
    ]);
  });

  it('follows the editor bindings (one source for both)', () => {
    const bare = BINDINGS.flatMap((b) => b.keys).filter((k) => /^[0-9a-z]$/.test(k));
    expect(new Set(reservedHotkeys('class').keys())).toEqual(new Set(bare));
  });

  it('names the free keys, leaving out those used by other classes and tags', () => {
    const spec = defaultInstructionSpec('x');
    spec.classes.push({
      id: 'cls_a',
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: '',
      attributes: [],
      examples: [],
    });
    expect(freeHotkeys(spec, 'class')).toEqual([...'23456789egjklmopqrstwxyz']);
    expect(freeHotkeys(spec, 'class', 'cls_a')).toContain('1');
    expect(freeHotkeys(spec, 'tag')).not.toContain('f');
    expect(specProblems(spec)).toEqual([]);
    spec.classes[0]!.hotkey = 'h';
    expect(specProblems(spec)).toEqual([
      `class "scratch": hotkey "h" is the editor's key for "Hide / show all boxes"; choose another (free keys: 1 2 3 4 5 6 7 8 9 e g j k l m o p q r s t w x y z)`,
    ]);
  });
});

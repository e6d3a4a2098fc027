import { describe, expect, it } from 'vitest';
import { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import { specProblems } from '../../../shared/domain/instructions';
import { sampleInstructionSpec } from './sampleInstructions';

describe('sample instructions', () => {
  it('pass every rule, including hotkeys that do not collide with the editor keys', () => {
    const spec = sampleInstructionSpec();
    expect(InstructionSpec.safeParse(spec).success).toBe(true);
    expect(specProblems(spec)).toEqual([]);
  });

  it('gives every item tag a hotkey, so a keyboard-first labeler never needs the mouse', () => {
    const spec = sampleInstructionSpec();
    expect(spec.tags.map((t) => [t.name, t.hotkey])).toEqual([
      ['ok', 'o'],
      ['defective', 'e'],
      ['uncertain', 'u'],
    ]);
  });
});

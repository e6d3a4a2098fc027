import type { AnnotationDoc, Box } from '../../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';

/** Small fixtures shared by the editor's unit tests. */
export function box(id: string, x = 0, y = 0, w = 10, h = 10, classId = 'scratch'): Box {
  return { id, classId, x, y, w, h, attributes: {}, uncertain: false, source: null };
}

export function doc(boxes: Box[] = []): AnnotationDoc {
  return { boxes, tags: [], noDefects: false, uncertain: false, segments: [] };
}

export const spec: InstructionSpec = {
  name: 'Steel',
  classes: [
    {
      id: 'scratch',
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: '',
      attributes: [],
      examples: [],
    },
    {
      id: 'dent',
      name: 'dent',
      color: '#3cb44b',
      hotkey: '2',
      description: '',
      attributes: [],
      examples: [],
    },
    {
      id: 'rust',
      name: 'rust',
      color: '#4363d8',
      hotkey: 'd',
      description: '',
      attributes: [],
      examples: [],
    },
  ],
  tags: [
    { id: 'ok', name: 'ok', noDefects: true, hotkey: 'o', description: '' },
    { id: 'defective', name: 'defective', noDefects: false, hotkey: 'x', description: '' },
  ],
  transcript: {
    lowercase: true,
    stripPunctuation: true,
    fillers: [],
    dropFillers: false,
    numbers: 'as-typed',
    notes: '',
  },
};

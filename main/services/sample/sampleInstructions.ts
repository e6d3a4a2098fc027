import type { ClassExample, InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type { DefectClass } from './steelDefects';

const SCRATCH = `A **thin, long line** cut into the surface, usually bright (bare metal) or dark (debris in the groove).

- Draw **one box around the whole visible line**, from the first to the last pixel you can see, even where it fades out.
- A scratch that is interrupted by a short gap (< 20 px) is still **one** scratch.
- Straight or slightly curved; it often runs *across* the rolling direction (the fine horizontal texture).
- Not a scratch: the fine horizontal brushing lines of the sheet itself. If you cannot tell whether a line is brushing or a scratch, mark the box **uncertain**.

Severity: *major* when it is longer than a quarter of the image width, otherwise *minor*.`;

const SPOT = `A **dark, round blob** (rust, oil or a pit), roughly as wide as it is tall.

- Box the dark area **including its soft rim**, tight to where it becomes indistinguishable from the sheet.
- Several spots that touch are one box; spots with sheet visible between them are separate boxes.
- Elongated dark patches (longer than about 3x their width) are **inclusions**, not spots.`;

const INCLUSION = `An **elongated, dark, irregular patch** stretched along the rolling direction (left-right): non-metallic material rolled into the sheet.

- One box from the **thin tip on the left to the thin tip on the right**; the tips are easy to miss.
- Ragged edges and a mottled inside are typical; do not split one inclusion into several boxes.
- Round and compact? It is a **spot**. Thin line? It is a **scratch**.`;

export const SAMPLE_CLASS_IDS: Record<DefectClass, string> = {
  scratch: 'cls_scratch',
  spot: 'cls_spot',
  inclusion: 'cls_inclusion',
};

/**
 * The sample project's labeling instructions (version 1): three defect classes with
 * hotkeys 1-3 and the usual item verdicts with Shift hotkeys (Shift+O ok, Shift+E
 * defective, Shift+U uncertain; Shift+D and Shift+F belong to the editor). Examples point at sample assets once imported.
 */
export function sampleInstructionSpec(
  examples: Partial<Record<DefectClass, ClassExample[]>> = {},
): InstructionSpec {
  return {
    name: 'Steel sheet defects',
    classes: [
      {
        id: SAMPLE_CLASS_IDS.scratch,
        name: 'scratch',
        color: '#e6194b',
        hotkey: '1',
        description: SCRATCH,
        attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
        examples: examples.scratch ?? [],
      },
      {
        id: SAMPLE_CLASS_IDS.spot,
        name: 'spot',
        color: '#4363d8',
        hotkey: '2',
        description: SPOT,
        attributes: [],
        examples: examples.spot ?? [],
      },
      {
        id: SAMPLE_CLASS_IDS.inclusion,
        name: 'inclusion',
        color: '#f58231',
        hotkey: '3',
        description: INCLUSION,
        attributes: [],
        examples: examples.inclusion ?? [],
      },
    ],
    tags: [
      {
        id: 'tag_ok',
        name: 'ok',
        noDefects: true,
        hotkey: 'o',
        description:
          'The sheet shows **no defect** at all. Choosing it is the explicit "no defects" verdict: an empty image is only done when someone said so.',
      },
      {
        id: 'tag_defective',
        name: 'defective',
        noDefects: false,
        hotkey: 'e',
        description: 'At least one scratch, spot or inclusion; draw a box around **each** one.',
      },
      {
        id: 'tag_uncertain',
        name: 'uncertain',
        noDefects: false,
        hotkey: 'u',
        description:
          'You cannot decide whether this sheet is defective. Leave a note so the lead can clarify the instructions.',
      },
    ],
    transcript: {
      lowercase: true,
      stripPunctuation: true,
      fillers: ['um', 'uh', 'er'],
      dropFillers: false,
      numbers: 'words',
      notes:
        'The sample clips are synthetic nonsense words. Write what you hear, one segment per phrase (between the longer pauses), lowercase, no punctuation.',
    },
  };
}

import type { AnnotationDoc } from '../../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { saysNoDefects } from '../../../../shared/domain/verdict';

/** Mirrors the service's rule, so the labeler hears why before the round trip. */
export function submitProblem(doc: AnnotationDoc, spec: InstructionSpec | null): string | null {
  const saysNone = saysNoDefects(doc, spec);
  if (saysNone && doc.boxes.length > 0)
    return 'It says "no defects" but has boxes: remove the boxes or clear the verdict (0).';
  if (doc.boxes.length === 0 && !saysNone && doc.tags.length === 0) {
    return 'This item is empty: draw boxes, or press 0 for the "no defects" verdict, then submit.';
  }
  return null;
}

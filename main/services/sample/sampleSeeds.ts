import type { ClassExample } from '../../../shared/api/schemas/instructionSpec';
import type { Db } from '../../db/connection';
import { actorByName } from '../identity/actor';
import { SAMPLE_LEAD, seedSampleProfiles } from '../identity/sampleProfiles';
import { latestVersionNumber } from '../instructions/instructionRepository';
import { saveInstructions } from '../instructions/instructionService';
import { sampleInstructionSpec } from './sampleInstructions';
import type { ImageTruth } from './sampleMetadata';
import type { DefectClass, TruthBox } from './steelDefects';
import { DEFECT_CLASSES } from './steelDefects';

/** The clearest instance of each class (its largest box) becomes that class's example. */
function classExamples(db: Db, images: ImageTruth[]): Partial<Record<DefectClass, ClassExample[]>> {
  const idOf = db.prepare('SELECT id FROM assets WHERE rel_path = ?').pluck();
  const out: Partial<Record<DefectClass, ClassExample[]>> = {};
  for (const cls of DEFECT_CLASSES) {
    let best: { file: string; box: TruthBox } | null = null;
    for (const image of images) {
      for (const box of image.boxes) {
        if (box.class === cls && (!best || box.w * box.h > best.box.w * best.box.h))
          best = { file: image.file, box };
      }
    }
    const id = best ? (idOf.get(best.file) as number | undefined) : undefined;
    if (!best || id === undefined) continue;
    const { x, y, w, h } = best.box;
    out[cls] = [{ assetId: id, box: { x, y, w, h }, note: `A typical ${cls}.` }];
  }
  return out;
}

/**
 * People and instructions of the sample: lead "Lead" (passphrase "concord"), labelers
 * "ana" and "ben", and version 1 of the steel-defect instructions written by the lead.
 * Idempotent, like seedSampleProfiles.
 */
export async function seedSamplePeopleAndInstructions(db: Db, images: ImageTruth[]): Promise<void> {
  await seedSampleProfiles(db);
  if (latestVersionNumber(db) !== null) return;
  // Through the service, as the lead would: same validation, and the lead is the author.
  saveInstructions(db, actorByName(db, SAMPLE_LEAD.name), {
    spec: sampleInstructionSpec(classExamples(db, images)),
    note: 'Instructions of the sample project',
    baseVersion: 0,
  });
}

import type { ClassExample } from '../../../shared/api/schemas/instructionSpec';
import { specProblems } from '../../../shared/domain/instructions';
import type { Db } from '../../db/connection';
import { findProfileByName } from '../identity/profileRepository';
import { SAMPLE_LEAD, seedSampleProfiles } from '../identity/sampleProfiles';
import { insertVersion, latestVersionNumber } from '../instructions/instructionRepository';
import { sampleInstructionSpec } from './sampleInstructions';
import type { ImageTruth } from './sampleMetadata';
import type { DefectClass } from './steelDefects';
import { DEFECT_CLASSES } from './steelDefects';

/** The first imported image that shows each class becomes that class's example. */
function classExamples(db: Db, images: ImageTruth[]): Partial<Record<DefectClass, ClassExample[]>> {
  const idOf = db.prepare('SELECT id FROM assets WHERE rel_path = ?');
  const out: Partial<Record<DefectClass, ClassExample[]>> = {};
  for (const cls of DEFECT_CLASSES) {
    for (const image of images) {
      const box = image.boxes.find((b) => b.class === cls);
      const row = box ? (idOf.get(image.file) as { id: number } | undefined) : undefined;
      if (!box || !row) continue;
      out[cls] = [
        {
          assetId: row.id,
          box: { x: box.x, y: box.y, w: box.w, h: box.h },
          note: `A typical ${cls}.`,
        },
      ];
      break;
    }
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
  const spec = sampleInstructionSpec(classExamples(db, images));
  const problems = specProblems(spec);
  if (problems.length > 0)
    throw new Error(`sample instructions are invalid: ${problems.join('; ')}`);
  db.transaction(() => {
    if (latestVersionNumber(db) !== null) return;
    const lead = findProfileByName(db, SAMPLE_LEAD.name);
    insertVersion(db, {
      spec,
      authorId: lead?.id ?? null,
      authorName: lead?.name ?? SAMPLE_LEAD.name,
      note: 'Instructions of the sample project',
    });
  }).immediate();
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/envelope';
import type { ClassResolution, SavedInstructions } from '../../shared/api/schemas/instructions';
import type { Services } from '../services/appServices';
import type { Actor } from '../services/identity/actor';
import { cliOwner } from '../services/identity/actor';
import { latestVersionNumber, getVersion } from '../services/instructions/instructionRepository';
import { importInstructions } from '../services/instructions/instructionService';
import { fileToSpec, instructionsStampProblem } from '../services/instructions/instructionsFile';

export interface ApplyOptions {
  note?: string | undefined;
  /** `OLD=NEW` class names: merge the boxes of a class the file drops into another. */
  merge?: string[] | undefined;
  /** Class names whose boxes are deleted because the file drops the class. */
  deleteBoxes?: string[] | undefined;
}

export function readInstructionsFile(file: string): string {
  const full = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `Instructions file not found: ${full}`);
    if (code === 'EISDIR')
      throw new AppError('BAD_FILE', `${full} is a folder, not an instructions file`);
    throw new AppError('BAD_FILE', `Cannot read ${full}: ${(e as Error).message}`);
  }
  // Refuse a newer or foreign file here, where its path is known (fileToSpec checks again
  // for imports that arrive as text over the API).
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    // fileToSpec reports the JSON error
  }
  const stamp = instructionsStampProblem(raw);
  if (stamp) throw new AppError('BAD_FILE', `${full} ${stamp}`);
  return text;
}

/** Maps `--merge old=new` / `--delete-boxes name` onto the current version's class ids. */
function resolutionsByName(services: Services, options: ApplyOptions): ClassResolution[] {
  if (!options.merge?.length && !options.deleteBoxes?.length) return [];
  const { db } = services.host.require();
  const latest = latestVersionNumber(db);
  const classes = latest === null ? [] : getVersion(db, latest).spec.classes;
  const idOf = (name: string) => {
    const c = classes.find((x) => x.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (!c) {
      const names = classes.map((x) => x.name).join(', ') || 'none';
      throw new AppError(
        'INVALID_INPUT',
        `No class named "${name}" in the current instructions (classes: ${names})`,
      );
    }
    return c.id;
  };
  const out: ClassResolution[] = [];
  for (const pair of options.merge ?? []) {
    const [from, into] = pair.split('=');
    if (!from || !into)
      throw new AppError('INVALID_INPUT', `--merge wants OLD=NEW class names, got "${pair}"`);
    out.push({ classId: idOf(from), action: 'merge', intoClassId: idOf(into) });
  }
  for (const name of options.deleteBoxes ?? [])
    out.push({ classId: idOf(name), action: 'deleteBoxes' });
  return out;
}

/**
 * Checks a file before `concord init` creates the project, so a typo in the file does not
 * leave a half-made project behind.
 */
export function preflightInstructionsFile(file: string): void {
  fileToSpec(readInstructionsFile(file), null, () => null, 'Labeling instructions');
}

/**
 * Applies an instructions file to the open project as a new version (version 1 right
 * after `concord init`). The CLI is a trusted local user: it writes as the project's owner
 * unless a profile is named.
 */
export async function applyInstructionsFile(
  services: Services,
  file: string,
  author: Actor | string = cliOwner,
  options: ApplyOptions = {},
): Promise<SavedInstructions> {
  const json = readInstructionsFile(file);
  const actor = typeof author === 'string' ? cliOwner : author;
  const { db } = services.host.require();
  return importInstructions(db, actor, {
    json,
    note: options.note ?? `Imported from ${path.basename(file)}`,
    classResolutions: resolutionsByName(services, options),
  });
}

import type { ImportMode, ImportResult } from '../../../shared/api/schemas/assets';
import type { OpenProject } from '../project/projectHost';

export interface ImportOptions {
  signal: AbortSignal;
  onProgress: (done: number, total: number, message?: string) => void;
}

export interface ImportInput {
  paths: string[];
  mode: ImportMode;
  metadataCsv?: string;
}

// Placeholder until the import pipeline lands (hashing + probing in a worker).
export async function importAssets(_project: OpenProject, _input: ImportInput, _opts: ImportOptions): Promise<ImportResult> {
  throw new Error('import pipeline not built yet');
}

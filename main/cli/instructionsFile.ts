import type { Services } from '../services/appServices';

// Placeholder until labeling instructions land (they are a later capability).
export async function applyInstructionsFile(_services: Services, file: string, _author: string): Promise<void> {
  throw new Error(`cannot apply ${file}: labeling instructions are not supported by this build yet`);
}

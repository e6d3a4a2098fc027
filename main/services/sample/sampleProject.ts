// Placeholder until the sample generator lands.
export async function ensureSampleProject(_appDataDir: string): Promise<string> {
  throw new Error('sample project not built yet');
}

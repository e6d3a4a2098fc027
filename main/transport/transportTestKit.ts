// Shared set-up for the transport tests: real services on a temp folder, a real project
// file, and asset rows pointing at real files. Not a test file itself (no `.test.ts`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Services } from '../services/appServices';
import { createServices } from '../services/appServices';
import type { OpenProject } from '../services/project/projectHost';
import { toStoredRelPath } from '../services/project/projectPaths';

export interface TransportWorld {
  dir: string;
  services: Services;
  /** Creates and opens a project at <dir>/<name>.concord. */
  createProject(name?: string): OpenProject;
  dispose(): void;
}

export function createWorld(transport: 'ipc' | 'http'): TransportWorld {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `concord-${transport}-`));
  const services = createServices({
    appDataDir: path.join(dir, 'appdata'),
    transport,
    defaultProjectDir: path.join(dir, 'projects'),
  });
  return {
    dir,
    services,
    createProject(name = 'steel') {
      return services.host.create(path.join(dir, 'projects', `${name}.concord`), name);
    },
    dispose() {
      services.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let sha = 0;

/** Registers an existing file as an asset of the project (as the importer would) and returns its id. */
export function insertAssetRow(
  project: OpenProject,
  file: string,
  kind: 'image' | 'audio' = 'image',
): number {
  const bytes = fs.statSync(file).size;
  sha += 1;
  const info = project.db
    .prepare(
      `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
       VALUES (?, ?, ?, 'reference', ?, ?, ?, 4, 3, ?)`,
    )
    .run(
      kind,
      toStoredRelPath(project.dir, file),
      path.basename(file),
      path.extname(file).slice(1) || 'bin',
      bytes,
      `test-sha-${process.pid}-${sha}`,
      new Date().toISOString(),
    );
  return Number(info.lastInsertRowid);
}

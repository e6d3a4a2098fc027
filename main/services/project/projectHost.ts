import fs from 'node:fs';
import path from 'node:path';
import type { ProjectSummary } from '../../../shared/api/schemas/project';
import { AppError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';
import { openDatabase, schemaVersion } from '../../db/connection';
import { recoverInterruptedImports } from '../assets/importBatches';
import { dataDirFor, PROJECT_EXTENSION, withProjectExtension } from './projectPaths';
import { ensureProjectUid } from './projectUid';

export interface OpenProject {
  /** Absolute path of the .concord file. */
  path: string;
  /** Folder that holds the project file; asset paths are relative to it. */
  dir: string;
  dataDir: string;
  db: Db;
}

export const APP_VERSION = '0.1.0';

/** Holds the one project this process has open (the app shows one project at a time). */
export class ProjectHost {
  private project: OpenProject | null = null;
  private readonly closeHooks: Array<(p: OpenProject) => void> = [];
  private readonly openHooks: Array<(p: OpenProject) => void> = [];

  get current(): OpenProject | null {
    return this.project;
  }

  /** The open project, or a NO_PROJECT error a user can act on. */
  require(): OpenProject {
    if (!this.project)
      throw new AppError('NO_PROJECT', 'No project is open. Create or open a project first.');
    return this.project;
  }

  onClose(hook: (p: OpenProject) => void): void {
    this.closeHooks.push(hook);
  }

  /** Called after a project is created or opened (not when it was open already). */
  onOpen(hook: (p: OpenProject) => void): void {
    this.openHooks.push(hook);
  }

  /**
   * @param defaultProjectDir the app's suggested folder for new projects (~/Concord): the
   *   only missing folder `create` makes on its own, so the first project can go there.
   */
  constructor(private readonly defaultProjectDir: string | null = null) {}

  /**
   * Creates a project file. Its folder must exist (a typo in a path must not silently make
   * folders), except the default project folder, or when `createParent` says so.
   */
  create(
    filePath: string,
    name: string,
    options: { isSample?: boolean; createParent?: boolean } = {},
  ): OpenProject {
    assertFileName(filePath);
    const target = path.resolve(withProjectExtension(filePath));
    const parent = path.dirname(target);
    if (!fs.existsSync(parent)) {
      const isDefault =
        this.defaultProjectDir !== null && path.resolve(this.defaultProjectDir) === parent;
      if (!isDefault && !options.createParent)
        throw new AppError(
          'NOT_FOUND',
          `Folder ${parent} does not exist; create it first or choose another folder`,
        );
      fs.mkdirSync(parent, { recursive: true });
    }
    if (fs.existsSync(target)) throw new AppError('CONFLICT', `A file already exists at ${target}`);
    const db = openDatabase(target, { create: true });
    db.prepare(
      'INSERT INTO project (id, name, created_at, created_by_app, is_sample) VALUES (1, ?, ?, ?, ?)',
    ).run(name, new Date().toISOString(), APP_VERSION, options.isSample ? 1 : 0);
    ensureProjectUid(db);
    return this.adopt(target, db);
  }

  open(filePath: string): OpenProject {
    const target = path.resolve(filePath);
    if (this.project && this.project.path === target) return this.project;
    const db = openDatabase(target);
    const row = db.prepare('SELECT name FROM project WHERE id = 1').get();
    if (!row) {
      db.close();
      throw new AppError('BAD_FILE', `${target} is a SQLite file but not a Concord project`);
    }
    recoverInterruptedImports(db, dataDirFor(target));
    ensureProjectUid(db);
    return this.adopt(target, db);
  }

  close(): void {
    const p = this.project;
    if (!p) return;
    this.project = null;
    for (const hook of this.closeHooks) hook(p);
    // Fold the WAL back into the main file so the project is one self-contained file again.
    try {
      p.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // another process may still hold the WAL; SQLite checkpoints later
    }
    p.db.close();
  }

  summary(): ProjectSummary | null {
    const p = this.project;
    return p ? summarize(p) : null;
  }

  private adopt(target: string, db: Db): OpenProject {
    this.close();
    const dataDir = dataDirFor(target);
    const project: OpenProject = { path: target, dir: path.dirname(target), dataDir, db };
    this.project = project;
    for (const hook of this.openHooks) hook(project);
    return project;
  }
}

/**
 * "/tmp/x/" would otherwise become the hidden file "/tmp/x/.concord", and a folder's name
 * would get ".concord" appended beside it: both are surprises, so ask for a file name.
 */
function assertFileName(filePath: string): void {
  const example = path.join(path.resolve(filePath), 'steel.concord');
  const advice = `choose a file name, e.g. ${example}`;
  if (/[\\/]$/.test(filePath) || path.basename(filePath) === PROJECT_EXTENSION) {
    throw new AppError('INVALID_INPUT', `${filePath} is a folder path; ${advice}`);
  }
  let isDir = false;
  try {
    isDir = fs.statSync(filePath).isDirectory();
  } catch {
    // does not exist yet: the usual case
  }
  if (isDir) throw new AppError('INVALID_INPUT', `${filePath} is an existing folder; ${advice}`);
}

export function summarize(p: OpenProject): ProjectSummary {
  const meta = p.db
    .prepare(
      'SELECT name, created_at AS createdAt, is_sample AS isSample FROM project WHERE id = 1',
    )
    .get() as { name: string; createdAt: string; isSample: number };
  const counts = p.db
    .prepare(
      `SELECT COUNT(*) AS total,
              COALESCE(SUM(kind = 'image'), 0) AS images,
              COALESCE(SUM(kind = 'audio'), 0) AS audio
         FROM assets`,
    )
    .get() as { total: number; images: number; audio: number };
  return {
    path: p.path,
    uid: ensureProjectUid(p.db),
    name: meta.name,
    schemaVersion: schemaVersion(p.db),
    createdAt: meta.createdAt,
    assetCount: counts.total,
    imageCount: counts.images,
    audioCount: counts.audio,
    dataDir: p.dataDir,
    isSample: meta.isSample === 1,
  };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Color } from 'sharp';
import sharp from 'sharp';
import { derivativesIdle } from '../services/assets/derivatives';
import { main } from './index';

/** One PNG for `pngs`: a flat colour is enough for everything the CLI tests check. */
export interface PngSpec {
  name: string;
  width: number;
  height: number;
  background: Color;
}

export interface NewProject {
  /** Project file name inside the world's folder, e.g. 'p.concord'. */
  file: string;
  name: string;
  /** What follows `concord import P`: folders or files, and flags such as --metadata. */
  importArgs?: string[];
  /** When given, written to spec.json and saved with `concord instructions set`. */
  instructions?: unknown;
}

/**
 * A temp folder with its own app-data folder, and the CLI run in-process against it, the way
 * `concord` runs from a shell. The CLI tests share it so each file holds only its own story.
 */
export interface CliWorld {
  readonly dir: string;
  /** The CONCORD_DATA_DIR the CLI sees (recent projects, settings). */
  readonly dataDir: string;
  /** Runs `concord ...argv` and returns its exit code; out() and err() hold this call's lines. */
  run(...argv: string[]): Promise<number>;
  out(): string[];
  err(): string[];
  /** The last call's stdout parsed as JSON (for `--json`). */
  json<T = unknown>(): T;
  /** An absolute path inside the world's folder. */
  path(...parts: string[]): string;
  /** Writes a file inside the folder (strings as they are, anything else as JSON); returns its path. */
  write(name: string, value: unknown): string;
  /** Makes `folder` and the PNGs in it; returns the folder's path. */
  pngs(folder: string, specs: PngSpec[]): Promise<string>;
  /** `init`, `import` and maybe `instructions set`, each of which must succeed; returns the project's path. */
  newProject(project: NewProject): Promise<string>;
  /** Restores CONCORD_DATA_DIR, waits for background thumbnails, then deletes the folder. */
  dispose(): Promise<void>;
}

export function cliWorld(prefix: string): CliWorld {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dataDir = path.join(dir, 'appdata');
  const previousDataDir = process.env.CONCORD_DATA_DIR;
  process.env.CONCORD_DATA_DIR = dataDir;
  let out: string[] = [];
  let err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };

  const world: CliWorld = {
    dir,
    dataDir,
    run(...argv) {
      out = [];
      err = [];
      return main(argv, io);
    },
    out: () => out,
    err: () => err,
    json: <T>() => JSON.parse(out.join('\n')) as T,
    path: (...parts) => path.join(dir, ...parts),
    write(name, value) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
      return file;
    },
    async pngs(folder, specs) {
      const into = path.join(dir, folder);
      fs.mkdirSync(into, { recursive: true });
      for (const { name, width, height, background } of specs) {
        await sharp({ create: { width, height, channels: 3, background } })
          .png()
          .toFile(path.join(into, name));
      }
      return into;
    },
    async newProject({ file, name, importArgs, instructions }) {
      const project = path.join(dir, file);
      const must = async (...argv: string[]) => {
        const code = await world.run(...argv);
        if (code !== 0) {
          throw new Error(`concord ${argv.join(' ')} exited ${code}: ${err.join('\n')}`);
        }
      };
      await must('init', project, '--name', name);
      if (importArgs) await must('import', project, ...importArgs);
      if (instructions !== undefined) {
        await must('instructions', 'set', project, world.write('spec.json', instructions));
      }
      return project;
    },
    async dispose() {
      if (previousDataDir === undefined) delete process.env.CONCORD_DATA_DIR;
      else process.env.CONCORD_DATA_DIR = previousDataDir;
      // `concord import` queues thumbnails in the background and returns; one may still be
      // writing into cache/thumb-256, and deleting the folder under it fails with ENOTEMPTY.
      await derivativesIdle();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import type { InterchangeProblem } from '../../../shared/domain/formats/interchange';
import type { YoloClassNames } from '../../../shared/domain/formats/yoloClassNames';
import { parseClassesTxt, parseDataYaml } from '../../../shared/domain/formats/yoloClassNames';

/** Reads a text file the user named, turning file-system errors into messages they can act on. */
export function readUserFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `${what} not found: ${file}`);
    if (code === 'EISDIR')
      throw new AppError('BAD_FILE', `${file} is a folder; give the ${what.toLowerCase()} itself`);
    throw new AppError('BAD_FILE', `Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('BAD_FILE', `Cannot write ${file}: ${(e as Error).message}`);
  }
}

const CLASS_FILES = ['data.yaml', 'data.yml', 'dataset.yaml', 'classes.txt', 'obj.names'];

function isClassFile(name: string): boolean {
  return CLASS_FILES.includes(name.toLowerCase());
}

export function parseClassFile(file: string): YoloClassNames {
  const text = readUserFile(file, 'Class names file');
  const name = path.basename(file);
  return /\.ya?ml$/i.test(name) ? parseDataYaml(text, name) : parseClassesTxt(text, name);
}

export interface YoloSource {
  /** The folder label paths are relative to. */
  root: string;
  labels: Array<{ rel: string; text: string }>;
  names: Map<number, string>;
  /** The class names file that was used, if any. */
  classesFile: string | null;
  problems: InterchangeProblem[];
}

function listLabelFiles(dir: string, rel: string, out: string[]): void {
  const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) listLabelFiles(dir, childRel, out);
    else if (e.isFile() && /\.txt$/i.test(e.name) && !isClassFile(e.name)) out.push(childRel);
  }
}

/**
 * YOLO labels: a folder of `.txt` files (searched recursively) or one `.txt` file. Class
 * names come from `classesFile`, else from data.yaml / classes.txt in the labels folder or
 * its parent (Ultralytics keeps data.yaml beside `labels/`).
 */
export function loadYoloSource(labelsPath: string, classesFile: string | undefined): YoloSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(labelsPath);
  } catch {
    throw new AppError('NOT_FOUND', `YOLO labels not found: ${labelsPath}`);
  }
  const root = stat.isDirectory() ? labelsPath : path.dirname(labelsPath);
  const rels: string[] = [];
  if (stat.isDirectory()) listLabelFiles(root, '', rels);
  else rels.push(path.basename(labelsPath));
  const labels = rels.map((rel) => ({
    rel,
    text: readUserFile(path.join(root, ...rel.split('/')), 'Label file'),
  }));
  const problems: InterchangeProblem[] = [];
  if (labels.length === 0)
    problems.push({ where: root, message: 'contains no YOLO label files (*.txt)' });

  let found = classesFile ? path.resolve(classesFile) : null;
  if (!found) {
    for (const dir of [root, path.dirname(root)]) {
      const hit = CLASS_FILES.map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
      if (hit) {
        found = hit;
        break;
      }
    }
  }
  if (!found) {
    problems.push({
      where: root,
      message:
        'YOLO labels need class names: put data.yaml or classes.txt beside the labels (or in their parent folder), or pass --classes FILE',
    });
    return { root, labels, names: new Map(), classesFile: null, problems };
  }
  const parsed = parseClassFile(found);
  problems.push(...parsed.problems);
  return { root, labels, names: parsed.names, classesFile: found, problems };
}

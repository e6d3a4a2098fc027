import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import { readCoco } from '../../../shared/domain/formats/cocoFormat';
import { readConcord } from '../../../shared/domain/formats/concordFormat';
import type {
  InterchangeItem,
  InterchangeProblem,
} from '../../../shared/domain/formats/interchange';
import { readYolo } from '../../../shared/domain/formats/yoloFormat';
import type { Db } from '../../db/connection';
import type { MatchableAsset } from './assetMatcher';
import { AssetMatcher } from './assetMatcher';
import type { ImportAnnotationsInput } from './importAnnotations';
import { loadYoloSource, readUserFile } from './sourceFiles';

export function listAssetsForMatching(db: Db): MatchableAsset[] {
  return db
    .prepare(
      `SELECT id, rel_path AS relPath, file_name AS fileName, kind, width, height, orientation,
              duration_sec AS durationSec FROM assets ORDER BY rel_path`,
    )
    .all() as MatchableAsset[];
}

export interface ReadItems {
  items: Array<{ item: InterchangeItem; index: number; asset?: MatchableAsset }>;
  problems: InterchangeProblem[];
  notes: string[];
  fileLabeler: string | null;
  /** The instructions version a Concord file says it was made under. */
  fileVersion: number | null;
}

export function readSource(
  input: ImportAnnotationsInput,
  projectDir: string,
  assets: MatchableAsset[],
): ReadItems {
  const file = path.resolve(input.path);
  const notes: string[] = [];
  if (input.format === 'yolo') {
    const source = loadYoloSource(file, input.classesFile);
    const images = assets.filter((a) => a.kind === 'image');
    const matcher = new AssetMatcher(images, { projectDir, importRoot: source.root, mode: 'stem' });
    const problems = [...source.problems];
    const items: ReadItems['items'] = [];
    const resolved: Array<{ asset: MatchableAsset; index: number; rel: string; text: string }> = [];
    source.labels.forEach((label, index) => {
      const hit = matcher.resolve(label.rel);
      if ('asset' in hit) resolved.push({ asset: hit.asset, index, ...label });
      else problems.push({ where: label.rel, file: label.rel, item: index, message: hit.message });
    });
    if (source.classesFile) notes.push(`class names from ${source.classesFile}`);
    if (problems.some((p) => p.where === source.root))
      return { items, problems, notes, fileLabeler: null, fileVersion: null };
    for (const r of resolved) {
      const { width, height } = r.asset;
      const label = {
        file: r.asset.relPath,
        source: r.rel,
        text: r.text,
        width: width ?? 0,
        height: height ?? 0,
      };
      const read = readYolo({ names: source.names, labels: [label] });
      problems.push(...read.problems.map((p) => ({ ...p, item: r.index })));
      for (const item of read.items) items.push({ item, index: r.index, asset: r.asset });
    }
    return { items, problems, notes, fileLabeler: null, fileVersion: null };
  }
  const text = readUserFile(file, input.format === 'coco' ? 'COCO file' : 'Annotation file');
  const read = input.format === 'coco' ? readCoco(text) : readConcord(text);
  if ('formatProblem' in read && read.formatProblem) {
    throw new AppError('BAD_FILE', `${file} ${read.formatProblem}`);
  }
  const fileLabeler = 'labeler' in read ? read.labeler : null;
  const fileVersion = 'instructionsVersion' in read ? read.instructionsVersion : null;
  const matcher = new AssetMatcher(
    input.format === 'coco' ? assets.filter((a) => a.kind === 'image') : assets,
    {
      projectDir,
      importRoot: path.dirname(file),
      mode: 'path',
    },
  );
  const problems = [...read.problems];
  const items: ReadItems['items'] = [];
  read.items.forEach((item, index) => {
    const hit = matcher.resolve(item.file);
    if ('asset' in hit) items.push({ item, index, asset: hit.asset });
    else
      problems.push({
        where: item.ref ?? `items[${index}]`,
        file: item.file,
        item: index,
        message: hit.message,
      });
  });
  return { items, problems, notes, fileLabeler, fileVersion };
}

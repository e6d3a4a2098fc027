import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../../workers/mediaClient';
import { cliOwner } from '../identity/actor';
import { exportAnnotations } from './exportAnnotations';
import type { ImportAnnotationsInput } from './importAnnotations';
import { importAnnotations } from './importAnnotations';
import type { Fixture } from './interchangeTestKit';
import { makeFixture, revisionCount, snapshot, writeJson } from './interchangeTestKit';

let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(() => fx.close());
afterAll(() => closeMediaPool());

const run = (
  over: Partial<ImportAnnotationsInput> & Pick<ImportAnnotationsInput, 'format' | 'path'>,
) => importAnnotations(fx.project, { actor: cliOwner, labelerName: 'ana', ...over });

const cocoDoc = (bWidth = 40, bHeight = 80) => ({
  images: [
    { id: 11, file_name: 'line1/a.png', width: 100, height: 50 },
    { id: 12, file_name: 'b.jpg', width: bWidth, height: bHeight },
    { id: 13, file_name: 'c.png', width: 64, height: 64 },
  ],
  categories: [
    { id: 1, name: 'scratch' },
    { id: 2, name: 'dent' },
  ],
  annotations: [
    {
      id: 100,
      image_id: 11,
      category_id: 1,
      bbox: [10, 10, 20, 5],
      attributes: { severity: 'minor', occluded: false },
    },
    { id: 101, image_id: 12, category_id: 2, bbox: [0, 40, 40, 40] },
    { id: 102, image_id: 11, category_id: 2, bbox: [50, 0, 50, 50] },
  ],
});

describe('COCO import and export', () => {
  it('imports by category name at displayed size, and re-importing its own export changes nothing', () => {
    const file = writeJson(path.join(fx.dir, 'exports/coco.json'), cocoDoc());
    const result = run({ format: 'coco', path: file });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ imported: true, items: 3, created: 3, boxes: 3 });
    expect(result.notes).toEqual([
      'dropped attribute scratch.occluded (not in the instructions) from 1 box(es)',
    ]);
    // c.png has no boxes and no verdict: stored, but left as work in progress.
    const statuses = fx.project.db
      .prepare(
        'SELECT s.rel_path AS p, a.status FROM annotations a JOIN assets s ON s.id = a.asset_id ORDER BY p',
      )
      .all();
    expect(statuses).toEqual([
      { p: 'imgs/b.jpg', status: 'submitted' },
      { p: 'imgs/c.png', status: 'working' },
      { p: 'imgs/line1/a.png', status: 'submitted' },
    ]);

    const out1 = path.join(fx.dir, 'out/one.json');
    const out2 = path.join(fx.dir, 'out/two.json');
    const e1 = exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'coco',
      path: out1,
    });
    exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ANA',
      format: 'coco',
      path: out2,
    });
    expect(e1).toMatchObject({ items: 3, boxes: 3, labeler: 'ana', skippedAudio: 0 });
    expect(fs.readFileSync(out1)).toEqual(fs.readFileSync(out2));
    const doc = JSON.parse(fs.readFileSync(out1, 'utf8')) as {
      images: Array<{ file_name: string; width: number; height: number }>;
      categories: Array<{ name: string }>;
      annotations: Array<{ bbox: number[]; attributes: object }>;
    };
    expect(doc.images.map((i) => [i.file_name, i.width, i.height])).toEqual([
      ['imgs/b.jpg', 40, 80],
      ['imgs/c.png', 64, 64],
      ['imgs/line1/a.png', 100, 50],
    ]);
    expect(doc.categories.map((c) => c.name)).toEqual(['scratch', 'dent', 'foreign particle']);
    expect(doc.annotations[1]).toMatchObject({
      bbox: [10, 10, 20, 5],
      attributes: { severity: 'minor' },
    });

    const revisions = revisionCount(fx.project);
    const again = run({ format: 'coco', path: out1 });
    expect(again).toMatchObject({ imported: true, created: 0, replaced: 0, unchanged: 3 });
    expect(revisionCount(fx.project)).toBe(revisions);
  });

  it('refuses a COCO file made on the un-rotated image, naming the EXIF orientation', () => {
    const before = snapshot(fx.project);
    const result = run({
      format: 'coco',
      path: writeJson(path.join(fx.dir, 'coco.json'), cocoDoc(80, 40)),
    });
    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([
      {
        where: 'images[1]',
        file: 'b.jpg',
        item: 1,
        message:
          'the file says the image is 80x40 but imgs/b.jpg is displayed at 40x80 (the other tool ignored its EXIF orientation)',
      },
    ]);
    expect(snapshot(fx.project)).toBe(before);
  });

  it('reports COCO structure problems, unknown categories and out-of-bounds boxes together', () => {
    const doc = cocoDoc();
    doc.annotations.push({ id: 103, image_id: 13, category_id: 9, bbox: [0, 0, 1, 1] });
    doc.annotations.push({ id: 104, image_id: 13, category_id: 1, bbox: [0, 0, 65, 10] });
    doc.categories.push({ id: 3, name: 'rust' });
    doc.annotations.push({ id: 105, image_id: 13, category_id: 3, bbox: [1, 1, 5, 5] });
    const result = run({ format: 'coco', path: writeJson(path.join(fx.dir, 'coco.json'), doc) });
    expect(result.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'annotations[3] (id 103).category_id: refers to category_id 9, which is not in "categories"',
      'annotations[4] (id 104): box at x=0 y=0 w=65 h=10 lies outside the 64x64 image (right edge 65 > 64)',
      expect.stringMatching(
        /^annotations\[5\] \(id 105\): class "rust" is not in the instructions/,
      ),
    ]);
  });

  it('exports Concord files deterministically and they import back unchanged', () => {
    run({ format: 'coco', path: writeJson(path.join(fx.dir, 'coco.json'), cocoDoc()) });
    const a = path.join(fx.dir, 'a.concord.json');
    const b = path.join(fx.dir, 'b.concord.json');
    exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: a,
    });
    exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: b,
    });
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
    expect(run({ format: 'concord', path: a })).toMatchObject({ imported: true, unchanged: 3 });
    expect(() =>
      exportAnnotations(fx.project, {
        actor: cliOwner,
        labelerName: 'zed',
        format: 'coco',
        path: a,
      }),
    ).toThrow(/No profile named "zed"/);
  });
});

/** Ultralytics layout: dataset/data.yaml beside dataset/labels/<split>/<name>.txt. */
function yoloDataset(
  labels: Record<string, string>,
  yaml: string | null = 'names:\n  0: scratch\n  1: dent\n',
): string {
  const root = path.join(fx.dir, 'dataset');
  for (const [rel, text] of Object.entries(labels)) {
    fs.mkdirSync(path.dirname(path.join(root, 'labels', rel)), { recursive: true });
    fs.writeFileSync(path.join(root, 'labels', rel), text);
  }
  if (yaml !== null) fs.writeFileSync(path.join(root, 'data.yaml'), yaml);
  return path.join(root, 'labels');
}

describe('YOLO import', () => {
  it('matches label files to images by name and converts with the displayed size', () => {
    const labels = yoloDataset({
      'line1/a.txt': '0 0.5 0.5 0.2 0.2\n',
      'train/b.txt': '1 0.5 0.75 1 0.5\n',
      'train/c.txt': '',
    });
    const result = run({ format: 'yolo', path: labels });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ imported: true, items: 3, created: 3, boxes: 2 });
    expect(result.notes[0]).toMatch(/class names from .*data\.yaml$/);
    const boxes = fx.project.db
      .prepare(
        `SELECT s.rel_path AS p, a.doc_json AS doc FROM annotations a JOIN assets s ON s.id = a.asset_id ORDER BY p`,
      )
      .all() as Array<{ p: string; doc: string }>;
    const pick = (p: string) =>
      (JSON.parse(boxes.find((b) => b.p === p)!.doc) as { boxes: object[] }).boxes;
    expect(pick('imgs/line1/a.png')).toEqual([
      expect.objectContaining({ x: 40, y: 20, w: 20, h: 10 }),
    ]);
    // b.jpg is stored 80x40 but displayed 40x80: YOLO's normalized box spans the displayed width.
    expect(pick('imgs/b.jpg')).toEqual([expect.objectContaining({ x: 0, y: 40, w: 40, h: 40 })]);
    expect(run({ format: 'yolo', path: labels })).toMatchObject({ unchanged: 3 });
  });

  it('takes classes.txt via --classes, and needs class names from somewhere', () => {
    const labels = yoloDataset({ 'c.txt': '0 0.5 0.5 0.5 0.5\n' }, null);
    const refused = run({ format: 'yolo', path: labels });
    expect(refused.imported).toBe(false);
    expect(refused.problems[0]!.message).toMatch(
      /YOLO labels need class names: put data\.yaml or classes\.txt/,
    );
    const classes = path.join(fx.dir, 'my-classes.txt');
    fs.writeFileSync(classes, 'dent\n');
    expect(run({ format: 'yolo', path: labels, classesFile: classes })).toMatchObject({
      imported: true,
      boxes: 1,
    });
  });

  it('lists unknown files, bad lines and out-of-bounds boxes, and writes nothing', () => {
    const before = snapshot(fx.project);
    const labels = yoloDataset({
      'zzz.txt': '0 0.5 0.5 0.1 0.1\n',
      'a.txt': '0 0.5 0.5 0.1 0.1\n',
      'line2/a.txt': '5 0.5 0.5 0.1 0.1\n0 0.5 0.5\n',
      'c.txt': '1 0.9 0.5 0.4 0.1\n',
    });
    const result = run({ format: 'yolo', path: labels });
    expect(result.imported).toBe(false);
    expect(result.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'a.txt: "a.txt" matches 2 assets (imgs/line1/a.png, imgs/line2/a.png); give its path relative to the project',
      'c.txt:1: box at x=44.8 y=28.8 w=25.6 h=6.4 lies outside the 64x64 image (right edge 70.4 > 64)',
      'line2/a.txt:1: class index 5 has no name in the class list (it has 2)',
      'line2/a.txt:2: expected 5 values "class cx cy w h", got 3',
      'zzz.txt: no image named like "zzz.txt" in this project (by path or by file name)',
    ]);
    expect(snapshot(fx.project)).toBe(before);
  });

  it('reports every bad line of a file, including boxes after a bad line', () => {
    const labels = yoloDataset({
      'c.txt': '5 0.5 0.5 0.1 0.1\n0 0.9 0.9 0.4 0.4\n0 0.5\n1 0.5 0.5 0.2 0.2\n',
    });
    const result = run({ format: 'yolo', path: labels });
    expect(result.imported).toBe(false);
    expect(result.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'c.txt:1: class index 5 has no name in the class list (it has 2)',
      'c.txt:2: box at x=44.8 y=44.8 w=25.6 h=25.6 lies outside the 64x64 image (right edge 70.4 > 64, bottom edge 70.4 > 64)',
      'c.txt:3: expected 5 values "class cx cy w h", got 2',
    ]);
  });
});

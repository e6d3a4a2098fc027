import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { closeMediaPool } from '../../workers/mediaClient';
import { cliOwner } from '../identity/actor';
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

const box = (cls: string, x: number, y: number, w: number, h: number, extra: object = {}) => ({
  class: cls,
  x,
  y,
  w,
  h,
  uncertain: false,
  ...extra,
});

/** Concord file in the fixture folder: paths are relative to it, like `imgs/line1/a.png`. */
function concordFile(
  items: unknown[],
  labeler: string | undefined = 'ana',
  name = 'ana.json',
): string {
  return writeJson(path.join(fx.dir, name), { labeler, instructionsVersion: 2, items });
}

const run = (file: string, over: Partial<ImportAnnotationsInput> = {}) =>
  importAnnotations(fx.project, {
    actor: cliOwner,
    labelerName: 'ana',
    format: 'concord',
    path: file,
    ...over,
  });

function annotationOf(
  relPath: string,
  labeler: string,
): { doc: AnnotationDoc; status: string; revision: number; version: number } | null {
  const row = fx.project.db
    .prepare(
      `SELECT a.doc_json AS docJson, a.status, a.revision, a.instructions_version AS version
         FROM annotations a JOIN assets s ON s.id = a.asset_id JOIN profiles p ON p.id = a.labeler_id
        WHERE s.rel_path = ? AND p.name = ?`,
    )
    .get(relPath, labeler) as
    { docJson: string; status: string; revision: number; version: number } | undefined;
  return row
    ? {
        doc: JSON.parse(row.docJson) as AnnotationDoc,
        status: row.status,
        revision: row.revision,
        version: row.version,
      }
    : null;
}

const goodItems = [
  {
    file: 'imgs/line1/a.png',
    tags: ['defective'],
    boxes: [box('scratch', 10, 5, 20, 10, { attributes: { severity: 'major' } })],
  },
  {
    file: 'line2/a.png',
    tags: ['defective'],
    boxes: [box('Dent', 0, 0, 100, 50), box('foreign particle', 1, 1, 2, 2)],
  },
  { file: 'c.png', noDefects: true, tags: ['ok'] },
  {
    file: 'b.jpg',
    tags: ['defective'],
    boxes: [box('dent', 5, 60, 30, 20), box('dent', -0.4, 0.2, 40.6, 80.2)],
  },
  { file: 'hello.wav', segments: [{ start: 0.5, end: 1.5, text: 'hello there' }] },
];

describe('importAnnotations (Concord format)', () => {
  it('creates the labeler profile and stores every item under the current instructions', () => {
    const result = run(concordFile(goodItems));
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      imported: true,
      labeler: 'ana',
      profileCreated: true,
      items: 5,
      created: 5,
      replaced: 0,
      unchanged: 0,
      boxes: 5,
    });
    expect(result.notes).toEqual([
      'warning: the file says it was made under instructions version 2, but this project has only version 1 (is the file from another project?); its classes and tags were matched by name against the current version 1',
    ]);
    const profile = fx.project.db.prepare("SELECT role FROM profiles WHERE name = 'ana'").get() as {
      role: string;
    };
    expect(profile.role).toBe('labeler');

    const classIds = new Map(
      (
        JSON.parse(
          fx.project.db
            .prepare('SELECT spec_json FROM instruction_versions ORDER BY version DESC')
            .pluck()
            .get() as string,
        ) as {
          classes: Array<{ id: string; name: string }>;
        }
      ).classes.map((c) => [c.name, c.id]),
    );
    const a1 = annotationOf('imgs/line1/a.png', 'ana')!;
    expect(a1.status).toBe('submitted');
    expect(a1.version).toBe(result.instructionsVersion);
    expect(a1.doc.tags).toEqual(['tag_defective']);
    expect(a1.doc.boxes).toEqual([
      expect.objectContaining({
        classId: classIds.get('scratch'),
        x: 10,
        y: 5,
        w: 20,
        h: 10,
        attributes: { severity: 'major' },
        source: null,
      }),
    ]);
    // Class names match regardless of case; the EXIF-rotated JPEG is checked at its displayed 40x80.
    expect(annotationOf('imgs/line2/a.png', 'ana')!.doc.boxes[0]!.classId).toBe(
      classIds.get('dent'),
    );
    const rotated = annotationOf('imgs/b.jpg', 'ana')!.doc.boxes;
    expect(rotated[0]).toMatchObject({ x: 5, y: 60, w: 30, h: 20 });
    // Within the 0.5 px tolerance: clipped to the image instead of refused.
    expect(rotated[1]).toMatchObject({ x: 0, y: 0.2, w: 40, h: 79.8 });
    expect(annotationOf('imgs/c.png', 'ana')!.doc).toMatchObject({
      noDefects: true,
      tags: ['tag_ok'],
      boxes: [],
    });
    expect(annotationOf('audio/hello.wav', 'ana')!.doc.segments).toEqual([
      expect.objectContaining({ start: 0.5, end: 1.5, text: 'hello there' }),
    ]);
    const actions = fx.project.db
      .prepare('SELECT DISTINCT action, actor_name FROM annotation_revisions')
      .all();
    expect(actions).toEqual([{ action: 'import', actor_name: 'concord CLI' }]);
  });

  it('is idempotent, replaces changed items as new revisions and never touches other labelers', () => {
    expect(run(concordFile(goodItems, 'ben', 'ben.json'), { labelerName: 'ben' }).imported).toBe(
      true,
    );
    const file = concordFile(goodItems);
    expect(run(file).created).toBe(5);
    const revisions = revisionCount(fx.project);
    const benBefore = snapshot(fx.project).length;

    const again = run(file);
    expect(again).toMatchObject({
      imported: true,
      profileCreated: false,
      created: 0,
      replaced: 0,
      unchanged: 5,
    });
    expect(revisionCount(fx.project)).toBe(revisions);

    const before = annotationOf('imgs/line2/a.png', 'ana')!;
    const changed = structuredClone(goodItems);
    changed[1]!.boxes![1] = box('foreign particle', 3, 3, 2, 2);
    const third = run(concordFile(changed));
    expect(third).toMatchObject({ created: 0, replaced: 1, unchanged: 4 });
    expect(revisionCount(fx.project)).toBe(revisions + 1);
    const after = annotationOf('imgs/line2/a.png', 'ana')!;
    expect(after.revision).toBe(before.revision + 1);
    // The unchanged box keeps its id, so the revision stores a small delta.
    expect(after.doc.boxes[0]!.id).toBe(before.doc.boxes[0]!.id);
    expect(after.doc.boxes[1]!.id).not.toBe(before.doc.boxes[1]!.id);
    expect(annotationOf('imgs/line2/a.png', 'ben')!.revision).toBe(1);
    expect(snapshot(fx.project).length).toBeGreaterThan(benBefore);
  });

  it('is all or nothing: one bad box in the last item leaves the database unchanged', () => {
    run(concordFile(goodItems, 'ben', 'ben.json'), { labelerName: 'ben' });
    const before = snapshot(fx.project);
    const items = [
      ...goodItems.filter((i) => i.file !== 'c.png'),
      { file: 'imgs/c.png', boxes: [box('dent', 60, 60, 10, 10)] },
    ];
    const result = run(concordFile(items));
    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([
      {
        where: 'items[4].boxes[0]',
        file: 'imgs/c.png',
        item: 4,
        box: 0,
        message:
          'box at x=60 y=60 w=10 h=10 lies outside the 64x64 image (right edge 70 > 64, bottom edge 70 > 64)',
      },
    ]);
    expect(snapshot(fx.project)).toBe(before);
  });

  it('lists every problem kind at once, with file, item and box', () => {
    const items = [
      { file: 'nowhere/zzz.png' },
      { file: 'a.png' },
      {
        file: 'imgs/c.png',
        boxes: [
          box('rust', 1, 1, 5, 5),
          box('dent', 10, 10, 0, 5),
          box('dent', -3, 0, 5, 5),
          box('dent', -0.4, 63.6, 10, 0.8),
        ],
      },
      { file: 'c.png', tags: ['maybe'] },
      {
        file: 'hello.wav',
        boxes: [box('dent', 0, 0, 1, 1)],
        segments: [{ start: 1, end: 9, text: 'x' }],
      },
      { file: 'b.jpg', noDefects: true, boxes: [box('dent', 0, 0, 10, 10)] },
      {
        file: 'imgs/line1/a.png',
        boxes: [box('scratch', 0, 0, 5, 5, { attributes: { severity: 'huge' } })],
      },
      { file: 'imgs/line2/a.png', boxes: [{ class: 'dent', x: 0, y: 0, w: -1, h: 5 }] },
    ];
    const result = run(concordFile(items, 'ben'));
    expect(result.imported).toBe(false);
    const lines = result.problems.map(
      (p) => `${p.where} [${p.file ?? ''}#${p.item ?? ''}/${p.box ?? ''}]: ${p.message}`,
    );
    expect(lines).toEqual([
      'labeler [#/]: the file holds the annotations of "ben", not of "ana"; import it with --labeler ben or change "labeler" in the file',
      'items[0] [nowhere/zzz.png#0/]: no asset matches "nowhere/zzz.png" in this project (by path or by file name)',
      'items[1] [a.png#1/]: "a.png" matches 2 assets (imgs/line1/a.png, imgs/line2/a.png); give its path relative to the project',
      expect.stringMatching(
        /^items\[2\]\.boxes\[0\] \[imgs\/c\.png#2\/0\]: class "rust" is not in the instructions \(version \d+; known classes: scratch, dent, foreign particle\)$/,
      ),
      'items[2].boxes[1] [imgs/c.png#2/1]: box at x=10 y=10 w=0 h=5 has zero or negative size',
      'items[2].boxes[2] [imgs/c.png#2/2]: box at x=-3 y=0 w=5 h=5 lies outside the 64x64 image (left edge -3 < 0)',
      'items[2].boxes[3] [imgs/c.png#2/3]: box at x=-0.4 y=63.6 w=10 h=0.8 is thinner than 0.5 px once clipped to the 64x64 image',
      'items[3] [c.png#3/]: imgs/c.png is given twice (also by items[2])',
      'items[4] [hello.wav#4/]: audio/hello.wav is audio, so it cannot have boxes (got 1)',
      'items[4].segments[0] [hello.wav#4/]: segment ends at 9s, after the end of the 2s audio',
      'items[5] [b.jpg#5/]: it says "no defects" but has 1 box(es): remove the boxes or clear the verdict',
      'items[6].boxes[0] [imgs/line1/a.png#6/0]: attribute "severity" of class "scratch" must be one of minor, major (got "huge")',
      'items[7].boxes[0].w [imgs/line2/a.png#7/0]: must be >= 0 (got -1)',
    ]);
    expect(snapshot(fx.project)).toContain('"profiles":[]');
  });

  it('refuses unknown tags, a broken file and an empty one; needs a lead or the labeler themself', () => {
    expect(run(concordFile([{ file: 'c.png', tags: ['maybe'] }])).problems[0]!.message).toMatch(
      /^tag "maybe" is not in the instructions/,
    );
    // the same verdict rule as annotations:save (docValidation.verdictProblems)
    expect(
      run(concordFile([{ file: 'c.png', tags: ['ok', 'defective'] }])).problems[0]!.message,
    ).toMatch(/^tags "ok" and "defective" contradict each other/);
    expect(run(writeJson(path.join(fx.dir, 'x.json'), { items: 'nope' })).problems).toEqual([
      { where: 'items', message: 'must be a list (got "nope")' },
    ]);
    expect(run(writeJson(path.join(fx.dir, 'y.json'), { items: [] })).problems).toEqual([
      { where: '(file)', message: 'contains no items to import' },
    ]);
    expect(() => run(path.join(fx.dir, 'missing.json'))).toThrow(/Annotation file not found/);
    expect(() => run(concordFile(goodItems), { labelerName: 'a,b' })).toThrow(
      /may not contain commas/,
    );

    expect(run(concordFile(goodItems)).imported).toBe(true);
    const ana = fx.project.db
      .prepare("SELECT id FROM profiles WHERE name = 'ana'")
      .pluck()
      .get() as number;
    const asAna = { id: ana, name: 'ana', role: 'labeler' as const };
    expect(run(concordFile(goodItems), { actor: asAna }).unchanged).toBe(5);
    expect(() =>
      run(concordFile(goodItems, 'ben', 'ben.json'), { actor: asAna, labelerName: 'ben' }),
    ).toThrow(/Only a lead can import annotations for ben/);
  });
});

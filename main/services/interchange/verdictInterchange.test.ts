import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc } from '../../../shared/api/schemas/annotationDoc';
import { closeMediaPool } from '../../workers/mediaClient';
import { cliOwner } from '../identity/actor';
import { exportAnnotations } from './exportAnnotations';
import { importAnnotations } from './importAnnotations';
import type { Fixture } from './interchangeTestKit';
import { makeFixture, writeJson } from './interchangeTestKit';

/**
 * The `ok` tag (the instructions' no-defects tag) and the "no defects" verdict are one
 * concept: whichever of the two a file sets, Concord stores and exports both.
 */
let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(() => fx.close());
afterAll(() => closeMediaPool());

function stored(relPath: string): AnnotationDoc {
  const row = fx.project.db
    .prepare(
      `SELECT a.doc_json AS docJson FROM annotations a JOIN assets s ON s.id = a.asset_id
        WHERE s.rel_path = ?`,
    )
    .get(relPath) as { docJson: string };
  return JSON.parse(row.docJson) as AnnotationDoc;
}

const okTagId = () => {
  const spec = JSON.parse(
    fx.project.db
      .prepare('SELECT spec_json FROM instruction_versions ORDER BY version DESC LIMIT 1')
      .pluck()
      .get() as string,
  ) as { tags: Array<{ id: string; name: string }> };
  return spec.tags.find((t) => t.name === 'ok')!.id;
};

describe('"ok" tag and "no defects" verdict through import and export', () => {
  it('a Concord file with "tags": ["ok"] is stored and exported as noDefects, and the reverse', () => {
    const file = writeJson(path.join(fx.dir, 'ana.json'), {
      labeler: 'ana',
      items: [
        { file: 'imgs/line1/a.png', tags: ['ok'] },
        { file: 'imgs/c.png', noDefects: true },
        { file: 'imgs/line2/a.png', tags: ['defective'], boxes: [] },
      ],
    });
    const result = importAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: file,
    });
    expect(result.problems).toEqual([]);
    const ok = okTagId();
    expect(stored('imgs/line1/a.png')).toMatchObject({ tags: [ok], noDefects: true });
    expect(stored('imgs/c.png')).toMatchObject({ tags: [ok], noDefects: true });
    expect(stored('imgs/line2/a.png').noDefects).toBe(false);

    const out = path.join(fx.dir, 'out.json');
    exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: out,
    });
    const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      items: Array<{ file: string; tags: string[]; noDefects: boolean }>;
    };
    const byFile = new Map(exported.items.map((i) => [i.file, i]));
    expect(byFile.get('imgs/line1/a.png')).toMatchObject({ tags: ['ok'], noDefects: true });
    expect(byFile.get('imgs/c.png')).toMatchObject({ tags: ['ok'], noDefects: true });
  });

  it('a COCO image tagged "ok" exports no_defects: true', () => {
    const file = writeJson(path.join(fx.dir, 'coco.json'), {
      images: [{ id: 1, file_name: 'c.png', width: 64, height: 64, tags: ['ok'] }],
      categories: [{ id: 1, name: 'scratch' }],
      annotations: [],
    });
    const result = importAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'coco',
      path: file,
    });
    expect(result.problems).toEqual([]);
    expect(stored('imgs/c.png').noDefects).toBe(true);
    const out = path.join(fx.dir, 'out.coco.json');
    exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'coco',
      path: out,
    });
    const coco = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      images: Array<{ file_name: string; no_defects: boolean; tags: string[] }>;
    };
    expect(coco.images.find((i) => i.file_name === 'imgs/c.png')).toMatchObject({
      no_defects: true,
      tags: ['ok'],
    });
  });

  it('exports older rows that hold only the tag as noDefects too', () => {
    const file = writeJson(path.join(fx.dir, 'ana.json'), {
      labeler: 'ana',
      items: [{ file: 'imgs/c.png', tags: ['defective'] }],
    });
    importAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: file,
    });
    // Written before the verdict was normalised: the tag without the flag.
    const legacy: AnnotationDoc = { ...stored('imgs/c.png'), tags: [okTagId()], noDefects: false };
    fx.project.db.prepare('UPDATE annotations SET doc_json = ?').run(JSON.stringify(legacy));
    const out = path.join(fx.dir, 'legacy.json');
    exportAnnotations(fx.project, {
      actor: cliOwner,
      labelerName: 'ana',
      format: 'concord',
      path: out,
    });
    const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      items: Array<{ tags: string[]; noDefects: boolean }>;
    };
    expect(exported.items[0]).toMatchObject({ tags: ['ok'], noDefects: true });
  });
});

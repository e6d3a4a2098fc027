import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import type { ClassDef, InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import type { Harness } from '../identity/testHarness';
import { openTeamHarness } from '../identity/testHarness';

type Team = Awaited<ReturnType<typeof openTeamHarness>>;
let h: Team | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const cls = (id: string, name: string, hotkey: string | null = null): ClassDef => ({
  id,
  name,
  color: '#e6194b',
  hotkey,
  description: `**${name}** defects`,
  attributes: [],
  examples: [],
});

const box = (id: string, classId: string, x = 1): Box => ({
  id,
  classId,
  x,
  y: 1,
  w: 5,
  h: 5,
  attributes: {},
  uncertain: false,
  source: null,
});

const doc = (boxes: Box[], tags: string[] = []): AnnotationDoc => ({
  boxes,
  tags,
  noDefects: false,
  uncertain: false,
  segments: [],
});

async function saveSpec(t: Harness, spec: InstructionSpec, base: number, note = 'edit') {
  return t.call('lead', 'instructions:save', { spec, note, baseVersion: base });
}

async function withClasses(t: Team, classes: ClassDef[]) {
  const v1 = await t.call('lead', 'instructions:current', {});
  return saveSpec(t, { ...v1.spec, classes }, v1.version, 'add classes');
}

describe('instruction versions', () => {
  it('starts every project at version 1 with the default tags, and every save adds a version', async () => {
    h = await openTeamHarness();
    const v1 = await h.call('ana', 'instructions:current', {});
    expect(v1).toMatchObject({ version: 1, author: 'Concord', authorId: null });
    expect(v1.spec.name).toBe('Test project');
    expect(v1.spec.classes).toEqual([]);
    expect(v1.spec.tags.map((t) => [t.name, t.noDefects])).toEqual([
      ['ok', true],
      ['defective', false],
      ['uncertain', false],
    ]);
    const v2 = await withClasses(h, [cls('cls_scratch00', 'scratch', '1')]);
    expect(v2).toMatchObject({
      version: 2,
      author: 'Lead',
      authorId: h.leadId,
      note: 'add classes',
      rewrittenAnnotations: 0,
    });
    const versions = await h.call('ana', 'instructions:versions', {});
    expect(versions.map((v) => [v.version, v.classCount, v.author])).toEqual([
      [2, 1, 'Lead'],
      [1, 0, 'Concord'],
    ]);
    // old versions stay readable as they were
    expect((await h.call('ana', 'instructions:get', { version: 1 })).spec.classes).toEqual([]);
    expect((await h.fail('ana', 'instructions:get', { version: 7 })).message).toMatch(
      /No instructions version 7; the latest is 2/,
    );
  });

  it('refuses labelers, stale bases and specs that break the rules', async () => {
    h = await openTeamHarness();
    const v1 = await h.call('lead', 'instructions:current', {});
    const spec = { ...v1.spec, classes: [cls('cls_a', 'scratch', '1')] };
    const labeler = await h.fail('ana', 'instructions:save', { spec, note: '', baseVersion: 1 });
    expect(labeler.code).toBe('FORBIDDEN');
    expect(labeler.message).toMatch(/Only a lead can change the instructions/);
    await saveSpec(h, spec, 1);
    const stale = await h.fail('lead', 'instructions:save', { spec, note: '', baseVersion: 1 });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(
      /version 2 was saved by Lead at .* \(you started from version 1\)\. Reload/,
    );
    const dupHotkey = {
      ...spec,
      classes: [cls('cls_a', 'scratch', '1'), cls('cls_b', 'dent', '1')],
    };
    const bad = await h.fail('lead', 'instructions:save', {
      spec: dupHotkey,
      note: '',
      baseVersion: 2,
    });
    expect(bad).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/hotkey "1" is used by both class "scratch" and class "dent"/),
    });
    const badColor = await h.fail('lead', 'instructions:save', {
      spec: { ...spec, classes: [{ ...cls('cls_a', 'x'), color: 'red' }] },
      note: '',
      baseVersion: 2,
    });
    expect(badColor.message).toMatch(/spec\.classes\.0\.color: color must look like #e6194b/);
    const badExample = await h.fail('lead', 'instructions:save', {
      spec: { ...spec, classes: [{ ...cls('cls_a', 'x'), examples: [{ assetId: 42 }] }] },
      note: '',
      baseVersion: 2,
    });
    expect(badExample.message).toMatch(/class "x", example 1: no asset with id 42/);
  });

  it('renaming a class keeps its boxes; deleting a used class needs a resolution', async () => {
    h = await openTeamHarness();
    const img = h.addImage('img/a.png', 100, 100);
    const img2 = h.addImage('img/b.png', 100, 100);
    const v2 = await withClasses(h, [
      cls('cls_scratch', 'scratch'),
      cls('cls_dent', 'dent'),
      cls('cls_rust', 'rust'),
    ]);
    await h.call('ana', 'annotations:save', {
      assetId: img,
      doc: doc([box('b1', 'cls_scratch'), box('b2', 'cls_dent', 20)]),
      baseRevision: 0,
    });
    await h.call('ben', 'annotations:save', {
      assetId: img,
      doc: doc([box('b1', 'cls_scratch')]),
      baseRevision: 0,
    });
    await h.call('ben', 'annotations:save', {
      assetId: img2,
      doc: doc([box('b9', 'cls_rust')]),
      baseRevision: 0,
    });
    await h.call('ben', 'annotations:submit', { assetId: img2 });

    const renamed = {
      ...v2.spec,
      classes: v2.spec.classes.map((c) =>
        c.id === 'cls_scratch' ? { ...c, name: 'long scratch', color: '#3cb44b' } : c,
      ),
    };
    const v3 = await saveSpec(h, renamed, v2.version, 'rename');
    expect((await h.call('ana', 'annotations:get', { assetId: img })).doc.boxes[0]!.classId).toBe(
      'cls_scratch',
    );

    const usage = await h.call('lead', 'instructions:usage', {});
    expect(usage.classes).toEqual(
      expect.arrayContaining([
        { classId: 'cls_scratch', boxes: 2, annotations: 2 },
        { classId: 'cls_rust', boxes: 1, annotations: 1 },
      ]),
    );
    expect((await h.fail('ana', 'instructions:usage', {})).code).toBe('FORBIDDEN');

    const withoutScratch = {
      ...v3.spec,
      classes: v3.spec.classes.filter((c) => c.id !== 'cls_scratch' && c.id !== 'cls_rust'),
    };
    const refused = await h.fail('lead', 'instructions:save', {
      spec: withoutScratch,
      note: 'drop',
      baseVersion: v3.version,
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      /class "long scratch" is used by 2 box\(es\) in 2 annotation\(s\)/,
    );
    expect(refused.message).toMatch(/class "rust" is used by 1 box\(es\) in 1 annotation\(s\)/);

    const v4 = await h.call('lead', 'instructions:save', {
      spec: withoutScratch,
      note: 'merge scratch into dent, drop rust',
      baseVersion: v3.version,
      classResolutions: [
        { classId: 'cls_scratch', action: 'merge', intoClassId: 'cls_dent' },
        { classId: 'cls_rust', action: 'deleteBoxes' },
      ],
    });
    expect(v4).toMatchObject({ version: 4, rewrittenAnnotations: 3 });
    const ana = await h.call('ana', 'annotations:get', { assetId: img });
    expect(ana.doc.boxes.map((b) => [b.id, b.classId])).toEqual([
      ['b1', 'cls_dent'],
      ['b2', 'cls_dent'],
    ]);
    expect(ana.instructionsVersion).toBe(2); // still "made under" version 2
    const history = await h.call('ana', 'annotations:history', { assetId: img, withDocs: true });
    expect(history.revisions.map((r) => [r.revision, r.action, r.actorName])).toEqual([
      [2, 'merge-class', 'Lead'],
      [1, 'save', 'ana'],
    ]);
    expect(history.revisions[1]!.doc!.boxes[0]!.classId).toBe('cls_scratch');
    const submitted = await h.call('ben', 'annotations:get', { assetId: img2 });
    expect(submitted).toMatchObject({ status: 'submitted', doc: { boxes: [] } });
  });

  it('removing a used tag needs a resolution too', async () => {
    h = await openTeamHarness();
    const img = h.addImage('a.png', 10, 10);
    const v1 = await h.call('lead', 'instructions:current', {});
    await h.call('ana', 'annotations:save', {
      assetId: img,
      doc: doc([], ['tag_uncertain']),
      baseRevision: 0,
    });
    const spec = { ...v1.spec, tags: v1.spec.tags.filter((t) => t.id !== 'tag_uncertain') };
    const refused = await h.fail('lead', 'instructions:save', { spec, note: '', baseVersion: 1 });
    expect(refused.message).toMatch(/tag "uncertain" is used by 1 annotation/);
    await h.call('lead', 'instructions:save', {
      spec,
      note: '',
      baseVersion: 1,
      tagResolutions: [{ tagId: 'tag_uncertain', action: 'merge', intoTagId: 'tag_defective' }],
    });
    expect((await h.call('ana', 'annotations:get', { assetId: img })).doc.tags).toEqual([
      'tag_defective',
    ]);
  });

  it('merging a tag into the no-defects tag gives the no-defects verdict too', async () => {
    h = await openTeamHarness();
    const img = h.addImage('a.png', 10, 10);
    const v1 = await h.call('lead', 'instructions:current', {});
    const okTag = v1.spec.tags.find((t) => t.noDefects)!;
    await h.call('ana', 'annotations:save', {
      assetId: img,
      doc: doc([], ['tag_uncertain']),
      baseRevision: 0,
    });
    const spec = { ...v1.spec, tags: v1.spec.tags.filter((t) => t.id !== 'tag_uncertain') };
    await h.call('lead', 'instructions:save', {
      spec,
      note: 'uncertain items count as ok',
      baseVersion: 1,
      tagResolutions: [{ tagId: 'tag_uncertain', action: 'merge', intoTagId: okTag.id }],
    });
    const after = (await h.call('ana', 'annotations:get', { assetId: img })).doc;
    expect(after.tags).toEqual([okTag.id]);
    expect(after.noDefects).toBe(true);
  });
});

describe('instructions JSON file', () => {
  it('exports names and example paths, and imports them back onto the same class ids', async () => {
    h = await openTeamHarness();
    const img = h.addImage('line2/img_0007.png', 100, 80);
    const v1 = await h.call('lead', 'instructions:current', {});
    const scratch: ClassDef = {
      ...cls('cls_scratch', 'scratch', '1'),
      attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
      examples: [{ assetId: img, box: { x: 1, y: 2, w: 3, h: 4 }, note: 'typical' }],
    };
    await saveSpec(h, { ...v1.spec, classes: [scratch] }, 1);
    const exported = await h.call('ana', 'instructions:exportJson', {});
    const file = JSON.parse(exported.json) as {
      classes: Array<Record<string, unknown>>;
      tags: unknown[];
    };
    expect(exported.fileName).toBe('test-project.v2.instructions.json');
    expect(file.classes[0]).toEqual({
      id: 'cls_scratch',
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: '**scratch** defects',
      attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
      examples: [{ file: 'line2/img_0007.png', box: { x: 1, y: 2, w: 3, h: 4 }, note: 'typical' }],
    });
    expect(file.tags[0]).toMatchObject({ id: 'tag_ok', name: 'ok', noDefects: true });

    file.classes.push({ name: 'dent', examples: [{ file: 'elsewhere/x.png' }] });
    const imported = await h.call('lead', 'instructions:importJson', {
      json: JSON.stringify(file),
      note: 'from file',
    });
    expect(imported.version).toBe(3);
    expect(imported.spec.classes[0]!.id).toBe('cls_scratch');
    expect(imported.spec.classes[1]).toMatchObject({
      name: 'dent',
      hotkey: null,
      description: '',
      examples: [],
    });
    expect(imported.spec.classes[1]!.id).toMatch(/^cls_[a-z0-9]{10}$/);
    expect(imported.spec.classes[1]!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(imported.warnings).toEqual([
      'class "dent": example elsewhere/x.png is not in this project and was skipped',
    ]);
  });

  it('accepts the minimal file of product.md and explains what is wrong with bad files', async () => {
    h = await openTeamHarness();
    const minimal = {
      name: 'Steel sheet defects',
      classes: [
        {
          name: 'scratch',
          color: '#e6194b',
          hotkey: '1',
          description: 'Linear mark',
          attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
        },
      ],
      tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }, { name: 'uncertain' }],
      transcript: {
        lowercase: true,
        stripPunctuation: true,
        fillers: ['um', 'uh'],
        dropFillers: false,
      },
    };
    const saved = await h.call('lead', 'instructions:importJson', {
      json: JSON.stringify(minimal),
      note: '',
    });
    expect(saved.spec.name).toBe('Steel sheet defects');
    expect(saved.spec.tags.map((t) => t.id)).toEqual(['tag_ok', 'tag_defective', 'tag_uncertain']); // matched by name
    expect(saved.spec.transcript.numbers).toBe('as-typed');

    const cases: Array<[string, RegExp]> = [
      ['{"classes": [', /not valid JSON/],
      ['[1,2]', /must be a JSON object with "classes"/],
      ['{"tags": []}', /classes: classes must be a list of classes/],
      [
        '{"classes": [{"name": "scratch", "color": "red"}]}',
        /classes\[0\] \("scratch"\)\.color: color must look like #e6194b/,
      ],
      [
        '{"classes": [{"name": "a", "hotkey": "F1"}]}',
        /classes\[0\] \("a"\)\.hotkey: hotkey must be 1-9/,
      ],
      [
        '{"classes": [{"name": "a"}, {"name": "A"}]}',
        /class 2 \("A"\): the name is already used by class 1 \("a"\)/,
      ],
      [
        '{"classes": [], "tags": [{"name": "ok", "noDefects": true}, {"name": "fine", "noDefects": true}]}',
        /only one tag can be the "no defects" verdict/,
      ],
      [
        '{"classes": [{"name": "a", "attributes": [{"name": "size", "type": "number"}]}]}',
        /classes\[0\] \("a"\)\.attributes\[0\] \("size"\)\.type/,
      ],
    ];
    for (const [json, message] of cases) {
      const err = await h.fail('lead', 'instructions:importJson', { json, note: '' });
      expect(err.code, json).toBe('INVALID_INPUT');
      expect(err.message, json).toMatch(message);
    }
    expect((await h.fail('ana', 'instructions:importJson', { json: '{}', note: '' })).code).toBe(
      'FORBIDDEN',
    );
  });
});

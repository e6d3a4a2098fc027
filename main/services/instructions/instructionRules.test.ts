import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import type { ClassDef } from '../../../shared/api/schemas/instructionSpec';
import { openTeamHarness } from '../identity/testHarness';

/** Renames through the JSON file, unchanged saves, reserved hotkeys, readable errors. */
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
  description: '',
  attributes: [],
  examples: [],
});
const box = (id: string, classId: string): Box => ({
  id,
  classId,
  x: 1,
  y: 1,
  w: 5,
  h: 5,
  attributes: {},
  uncertain: false,
  source: null,
});
const doc = (boxes: Box[]): AnnotationDoc => ({
  boxes,
  tags: [],
  noDefects: false,
  uncertain: false,
  segments: [],
});

interface FileClass {
  id?: string;
  name: string;
  hotkey?: string | null;
}

/** A project with classes scratch (1) and dent (2), and one box of each by ana. */
async function team() {
  const t = await openTeamHarness();
  const v1 = await t.call('lead', 'instructions:current', {});
  await t.call('lead', 'instructions:save', {
    spec: {
      ...v1.spec,
      classes: [cls('cls_scratch', 'scratch', '1'), cls('cls_dent', 'dent', '2')],
    },
    note: 'classes',
    baseVersion: 1,
  });
  const img = t.addImage('a.png', 100, 100);
  await t.call('ana', 'annotations:save', {
    assetId: img,
    doc: doc([box('b1', 'cls_scratch'), box('b2', 'cls_dent')]),
    baseRevision: 0,
  });
  const exported = async () =>
    JSON.parse((await t.call('lead', 'instructions:exportJson', {})).json) as {
      classes: FileClass[];
      tags: Array<{ id?: string; name: string }>;
    };
  return Object.assign(t, { img, exported });
}

describe('instructions file: ids make renames possible', () => {
  it('renaming a class in the exported file keeps its id and its boxes', async () => {
    const t = (h = await team());
    const file = await t.exported();
    expect(file.classes.map((c) => c.id)).toEqual(['cls_scratch', 'cls_dent']);
    file.classes[0]!.name = 'long scratch';
    file.tags[0]!.name = 'fine'; // the no-defects tag, renamed too
    const saved = await t.call('lead', 'instructions:importJson', {
      json: JSON.stringify(file),
      note: 'rename',
    });
    expect(saved).toMatchObject({ version: 3, unchanged: false, rewrittenAnnotations: 0 });
    expect(saved.spec.classes.map((c) => [c.id, c.name])).toEqual([
      ['cls_scratch', 'long scratch'],
      ['cls_dent', 'dent'],
    ]);
    expect(saved.spec.tags[0]).toMatchObject({ id: 'tag_ok', name: 'fine', noDefects: true });
    const state = await t.call('ana', 'annotations:get', { assetId: t.img });
    expect(state.doc.boxes.map((b) => b.classId)).toEqual(['cls_scratch', 'cls_dent']);
  });

  it('an explicit id wins over a name: swapping two names swaps nothing else', async () => {
    const t = (h = await team());
    const file = await t.exported();
    file.classes[0]!.name = 'dent';
    file.classes[1]!.name = 'scratch';
    // hotkeys travel with the class, not the name
    const saved = await t.call('lead', 'instructions:importJson', {
      json: JSON.stringify(file),
      note: 'swap',
    });
    expect(saved.spec.classes.map((c) => [c.id, c.name, c.hotkey])).toEqual([
      ['cls_scratch', 'dent', '1'],
      ['cls_dent', 'scratch', '2'],
    ]);
  });

  it('files without ids are still matched by name, and unknown ids fall back to the name', async () => {
    const t = (h = await team());
    const file = await t.exported();
    const noIds = {
      ...file,
      classes: file.classes.map(({ id: _id, ...c }) => c),
      tags: file.tags.map(({ id: _id, ...tag }) => tag),
    };
    const same = await t.call('lead', 'instructions:importJson', {
      json: JSON.stringify(noIds),
      note: '',
    });
    expect(same.unchanged).toBe(true);
    expect(same.version).toBe(2);
    const foreign = {
      ...file,
      classes: [
        { ...file.classes[0]!, id: 'cls_fromelsewhere' },
        { id: 'cls_other', name: 'pit', hotkey: '3' },
        file.classes[1]!,
      ],
    };
    const saved = await t.call('lead', 'instructions:importJson', {
      json: JSON.stringify(foreign),
      note: '',
    });
    expect(saved.spec.classes[0]!.id).toBe('cls_scratch'); // by name
    expect(saved.spec.classes[1]!.id).toMatch(/^cls_[a-z0-9]{10}$/); // new class, fresh id
    expect(saved.spec.classes[2]!.id).toBe('cls_dent');
  });
});

describe('saving identical instructions', () => {
  it('returns the latest version unchanged instead of adding one', async () => {
    const t = (h = await team());
    const v2 = await t.call('lead', 'instructions:current', {});
    // Same content, keys in another order.
    const { name, classes, tags, transcript } = v2.spec;
    const reordered = { transcript: { ...transcript }, tags, classes, name };
    const saved = await t.call('lead', 'instructions:save', {
      spec: reordered,
      note: 'nothing new',
      baseVersion: 2,
    });
    expect(saved).toMatchObject({ version: 2, unchanged: true, note: 'classes' });
    expect(await t.call('lead', 'instructions:versions', {})).toHaveLength(2);
    const file = (await t.call('lead', 'instructions:exportJson', {})).json;
    const again = await t.call('lead', 'instructions:importJson', { json: file, note: '' });
    expect(again).toMatchObject({ version: 2, unchanged: true });
  });
});

describe('class and tag hotkeys', () => {
  it('refuses hotkeys the editor uses, naming the command and the free keys', async () => {
    const t = (h = await team());
    const v2 = await t.call('lead', 'instructions:current', {});
    const err = await t.fail('lead', 'instructions:save', {
      spec: {
        ...v2.spec,
        classes: [cls('cls_scratch', 'scratch', 'd'), cls('cls_dent', 'dent', 'n')],
      },
      note: '',
      baseVersion: 2,
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain(
      `class "scratch": hotkey "d" is the editor's key for "Next item"; choose another (free keys: 1 2 3 4 5 6 7 8 9 e g j k l m o p q r s t w x y z)`,
    );
    expect(err.message).toContain(`class "dent": hotkey "n" is the editor's key for "Draw boxes`);

    const tagErr = await t.fail('lead', 'instructions:save', {
      spec: {
        ...v2.spec,
        tags: v2.spec.tags.map((tag, i) => (i === 0 ? { ...tag, hotkey: 'f' } : tag)),
      },
      note: '',
      baseVersion: 2,
    });
    expect(tagErr.message).toContain(
      `tag "ok": hotkey "f" (pressed with Shift) is the editor's Shift+F for "Actual size (1:1)"; choose another (free keys: 3 4 5 6 7 8 9 a b c e g h i j k l m n o p q r s t u v w x y z)`,
    );

    const file = await t.exported();
    file.classes[1]!.hotkey = 'a';
    const fileErr = await t.fail('lead', 'instructions:importJson', {
      json: JSON.stringify(file),
      note: '',
    });
    expect(fileErr.message).toMatch(
      /class "dent": hotkey "a" is the editor's key for "Previous item"/,
    );
    // a class may use a key that only tags reserve (Shift+D is taken, bare D is not for tags)
    file.classes[1]!.hotkey = 'x';
    expect(
      (await t.call('lead', 'instructions:importJson', { json: JSON.stringify(file), note: '' }))
        .version,
    ).toBe(3);
  });
});

describe('error messages', () => {
  it('name classes by name, never by their internal id', async () => {
    const t = (h = await team());
    const file = await t.exported();
    const twice = { ...file, classes: [...file.classes, { name: 'Scratch' }] };
    const err = await t.fail('lead', 'instructions:importJson', {
      json: JSON.stringify(twice),
      note: '',
    });
    expect(err.message).toBe(
      'The instructions file has problems: class 3 ("Scratch"): the name is already used by class 1 ("scratch")',
    );
    const v2 = await t.call('lead', 'instructions:current', {});
    const sameId = await t.fail('lead', 'instructions:save', {
      spec: { ...v2.spec, classes: [cls('cls_scratch', 'scratch'), cls('cls_scratch', 'scrape')] },
      note: '',
      baseVersion: 2,
    });
    expect(sameId.message).toContain(
      'class 2 ("scrape") and class 1 ("scratch") are the same class (same id); keep one of them',
    );
    expect(sameId.message).not.toContain('cls_');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import { openTeamHarness } from '../identity/testHarness';

/*
 * The audit's documents that annotations:save stored although the editor and
 * `annotations import` refuse them. The rules live in docValidation.ts, used by both.
 */
let h: Awaited<ReturnType<typeof openTeamHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const box = (attributes: Record<string, unknown> = {}): Box =>
  ({
    id: 'b1',
    classId: 'cls_scratch',
    x: 10,
    y: 10,
    w: 20,
    h: 20,
    attributes,
    uncertain: false,
    source: null,
  }) as Box;
const doc = (boxes: Box[], extra: Partial<AnnotationDoc> = {}): AnnotationDoc => ({
  boxes,
  tags: [],
  noDefects: false,
  uncertain: false,
  segments: [],
  ...extra,
});

async function team() {
  const t = (h = await openTeamHarness());
  const v1 = await t.call('lead', 'instructions:current', {});
  await t.call('lead', 'instructions:save', {
    spec: {
      ...v1.spec,
      classes: [
        {
          id: 'cls_scratch',
          name: 'scratch',
          color: '#e6194b',
          hotkey: '1',
          description: '',
          attributes: [
            { name: 'severity', type: 'enum', options: ['minor', 'major'] },
            { name: 'through', type: 'boolean' },
            { name: 'note', type: 'text' },
          ],
          examples: [],
        },
      ],
    },
    note: 'attributes',
    baseVersion: 1,
  });
  const img = t.addImage('line1/a.png', 200, 100);
  const save = (d: AnnotationDoc) =>
    t.fail('ana', 'annotations:save', { assetId: img, doc: d, baseRevision: 0 });
  return { t, img, save };
}

describe('annotations:save applies the editor and importer rules', () => {
  it('refuses an enum value outside its options, naming attribute and class', async () => {
    const { save } = await team();
    expect((await save(doc([box({ severity: 'catastrophic' })]))).message).toBe(
      'Cannot save line1/a.png: box 1 (b1): attribute "severity" of class "scratch" must be one of minor, major (got "catastrophic")',
    );
  });

  it('says what a wrongly typed attribute expects', async () => {
    const { save } = await team();
    expect((await save(doc([box({ note: true })]))).message).toMatch(
      /attribute "note" of class "scratch" expects text \(got true\)/,
    );
    expect((await save(doc([box({ through: 'yes' })]))).message).toMatch(
      /attribute "through" of class "scratch" expects true or false \(got "yes"\)/,
    );
    // a number never reaches the service: the contract says what attributes may hold
    const number = await save(doc([box({ note: 5 })]));
    expect(number.code).toBe('INVALID_INPUT');
    expect(number.message).toMatch(
      /doc\.boxes\.0\.attributes\.note: an attribute value must be text .* or true\/false \(got 5\)/,
    );
  });

  it('refuses "no defects" with boxes, and the no-defects tag beside another tag', async () => {
    const { save } = await team();
    expect((await save(doc([box()], { noDefects: true }))).message).toMatch(
      /it says "no defects" but has 1 box\(es\)/,
    );
    expect((await save(doc([], { tags: ['tag_ok', 'tag_defective'] }))).message).toMatch(
      /tags "ok" and "defective" contradict each other/,
    );
  });

  it('names an unknown tag', async () => {
    const { save } = await team();
    expect((await save(doc([], { tags: ['tag_nope'] }))).message).toMatch(
      /item tag\(s\) "tag_nope" not in instructions version 2 \(known tags: tag_ok \(ok\)/,
    );
  });

  it('still stores valid attributes, "true" text as a boolean, and a plain verdict', async () => {
    const { t, img } = await team();
    await t.call('ana', 'annotations:save', {
      assetId: img,
      doc: doc([box({ severity: 'major', through: true, note: 'hairline' })]),
      baseRevision: 0,
    });
    const state = await t.call('ana', 'annotations:get', { assetId: img });
    expect(state.doc.boxes[0]!.attributes).toEqual({
      severity: 'major',
      through: true,
      note: 'hairline',
    });
  });
});

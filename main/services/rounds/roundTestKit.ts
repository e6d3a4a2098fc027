// Test support (not a test file): a team project with classes, images with metadata, and
// small builders for boxes and documents.
import type { AnnotationDoc, Box } from '../../../shared/api/schemas/annotationDoc';
import type { ClassDef } from '../../../shared/api/schemas/instructionSpec';
import { openTeamHarness } from '../identity/testHarness';

export type Team = Awaited<ReturnType<typeof openTeamHarness>>;

export const box = (id: string, classId: string, x: number, y = 10, w = 40, h = 40): Box => ({
  id,
  classId,
  x,
  y,
  w,
  h,
  attributes: {},
  uncertain: false,
  source: null,
});

export const doc = (boxes: Box[], extra: Partial<AnnotationDoc> = {}): AnnotationDoc => ({
  boxes,
  tags: [],
  noDefects: false,
  uncertain: false,
  segments: [],
  ...extra,
});

export const classDef = (id: string, name: string, color: string, description = ''): ClassDef => ({
  id,
  name,
  color,
  hotkey: null,
  description,
  attributes: [],
  examples: [],
});

export const CLASSES = [
  classDef('cls_scratch', 'scratch', '#e6194b'),
  classDef('cls_dent', 'dent', '#3cb44b'),
  classDef('cls_particle', 'foreign particle', '#4363d8'),
];

export const PINS = { ana: '1357', ben: '2468', carl: '3690' } as const;

/**
 * Lead + ana + ben (+ carl, a labeler in no round), each labeler with a PIN (PINS), and `images` 200x100 images, the first
 * half on line "A", the rest on line "B", under instructions v2 with three classes.
 */
export async function roundTeam(images = 10) {
  const t = await openTeamHarness();
  const carl = await t.call('lead', 'profiles:create', { name: 'carl', role: 'labeler' });
  await t.call('carl', 'session:signIn', { profileId: carl.id });
  // Blind rounds need a PIN for every labeler (the sessions above stay signed in).
  for (const [id, pin] of [
    [t.anaId, PINS.ana],
    [t.benId, PINS.ben],
    [carl.id, PINS.carl],
  ] as const)
    await t.call('lead', 'profiles:update', { id, secret: pin });
  const v1 = await t.call('lead', 'instructions:current', {});
  await t.call('lead', 'instructions:save', {
    spec: { ...v1.spec, classes: CLASSES },
    note: 'classes',
    baseVersion: 1,
  });
  const ids: number[] = [];
  for (let i = 0; i < images; i++) {
    const id = t.addImage(`img/${String(i).padStart(3, '0')}.png`, 200, 100);
    t.db
      .prepare(
        "INSERT INTO asset_metadata (asset_id, key, value, source) VALUES (?, 'line', ?, 'csv')",
      )
      .run(id, i < images / 2 ? 'A' : 'B');
    ids.push(id);
  }
  return Object.assign(t, { carlId: carl.id, images: ids });
}

/** Saves (and optionally submits) a labeler's document of an item in a round. */
export async function label(
  t: Team,
  who: string,
  assetId: number,
  d: AnnotationDoc,
  roundId?: number,
  submit = false,
): Promise<void> {
  const scope = roundId !== undefined ? { roundId } : {};
  const cur = await t.call(who, 'annotations:get', { assetId, ...scope });
  await t.call(who, 'annotations:save', { assetId, doc: d, baseRevision: cur.revision, ...scope });
  if (submit) await t.call(who, 'annotations:submit', { assetId, ...scope });
}

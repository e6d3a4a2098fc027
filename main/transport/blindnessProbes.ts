// The inputs the blindness test sends to each channel (not a test file).
//
// Every channel of the contract is called. A channel whose input accepts `{}` is called with
// `{}` (plus any probes listed here); a channel that needs more MUST be listed here, or the
// test fails and names it: adding a channel means deciding how a labeler might use it to
// reach another labeler's work, and writing that down as a probe.
import path from 'node:path';
import type { Channel } from '../../shared/api/contract';
import type { BlindWorld, Person } from './blindnessKit';

export interface ProbeContext {
  world: BlindWorld;
  /** The caller. */
  me: Person;
  /** The labeler whose work must stay hidden. */
  other: Person;
}

/** Inputs to send, or a reason the channel cannot reach this project's annotations at all. */
export type Probe = unknown[] | { skip: string };

/** A save of the caller's own document: the reply must not echo anyone else's work. */
const ownDoc = { boxes: [], tags: [], noDefects: true, uncertain: false, segments: [] };

export const probes: Partial<Record<Channel, (c: ProbeContext) => Probe>> = {
  'project:create': ({ world }) => [{ path: path.join(world.dir, 'other.concord'), name: 'Other' }],
  'project:open': ({ world }) => [{ path: world.projectPath }],
  'project:openSample': () => ({
    skip: 'generates (minutes) and opens the bundled sample project: another file, so none of this project is reachable through it',
  }),
  'project:forgetRecent': ({ world }) => [{ path: world.projectPath }],
  'fs:list': ({ world }) => [{}, { dir: world.dir, showHidden: true }],
  'assets:import': ({ world }) => [{ paths: [path.join(world.dir, 'missing.png')] }],
  'assets:list': ({ world }) => [
    {},
    { search: 'plate' },
    { kind: 'audio' },
    { limit: 1, offset: world.images.length },
  ],
  'assets:get': ({ world }) => [...world.images, world.audio].map((id) => ({ id })),
  'jobs:get': () => [{ jobId: 'no-such-job' }],
  'jobs:cancel': () => [{ jobId: 'no-such-job' }],
  // Impersonation: the other labeler has a PIN the caller does not know.
  'session:signIn': ({ other }) => [
    { profileId: other.id, secret: '0000' },
    { profileId: other.id },
  ],
  'profiles:create': () => [{ name: 'mallory', role: 'labeler' }],
  'profiles:update': ({ other }) => [
    { id: other.id, secret: null },
    { id: other.id, role: 'lead' },
  ],
  'instructions:get': () => [{ version: 1 }, { version: 2 }],
  'instructions:save': ({ world }) => [{ spec: world.spec, note: 'probe', baseVersion: 2 }],
  'instructions:importJson': () => [{ json: '{"name":"x","classes":[],"tags":[]}', note: 'probe' }],
  'annotations:get': ({ world }) => [
    ...world.images.map((assetId) => ({ assetId })),
    ...[...world.images, world.audio].map((assetId) => ({ assetId, roundId: world.roundId })),
  ],
  'annotations:save': ({ world }) => [
    { assetId: world.images[1], roundId: world.roundId, doc: ownDoc, baseRevision: 0 },
    { assetId: world.images[1], doc: ownDoc, baseRevision: 0 },
  ],
  'annotations:submit': ({ world }) => [
    { assetId: world.images[2], roundId: world.roundId },
    { assetId: world.images[0] },
  ],
  'annotations:history': ({ world }) => [
    { assetId: world.images[0], withDocs: true },
    { assetId: world.images[0], roundId: world.roundId, withDocs: true },
    { assetId: world.audio, roundId: world.roundId, withDocs: true },
  ],
  'annotations:setStatus': ({ world, other }) => [
    {
      assetId: world.images[0],
      labelerId: other.id,
      status: 'sent_back',
      comment: 'probe',
      roundId: world.roundId,
    },
  ],
  'work:queue': ({ world }) => [
    {},
    { roundId: world.roundId },
    { roundId: world.roundId, status: ['submitted'] },
  ],
  // Lead-only: a labeler gets FORBIDDEN whatever the filters (the other's submitted work included).
  'work:overview': ({ world, other }) => [
    { roundId: world.roundId, status: ['submitted'] },
    { labelerId: other.id },
    { roundId: null, status: ['working', 'submitted', 'accepted', 'sent_back'] },
  ],
  'work:item': ({ world, other }) => [
    { assetId: world.images[0], labelerId: other.id, roundId: world.roundId },
    { assetId: world.images[0], labelerId: other.id },
    { assetId: world.audio, labelerId: other.id, roundId: world.roundId },
  ],
  'rounds:create': ({ me, other }) => [{ labelerIds: [me.id, other.id], size: { count: 1 } }],
  'rounds:preview': () => [{ size: { count: 2 }, stratify: { by: 'class', source: 'any' } }],
  'rounds:get': ({ world }) => [{ roundId: world.roundId }],
  'rounds:close': ({ world }) => [{ roundId: world.roundId }],
  'agreement:report': ({ world }) => [{}, { roundId: world.roundId }, { instructionsVersion: 2 }],
  'agreement:trend': () => [{}, { by: 'instructionsVersion' }],
  'agreement:items': ({ world }) => [
    { filter: { kind: 'all' } },
    { roundId: world.roundId, filter: { kind: 'all' } },
    { roundId: world.roundId, filter: { kind: 'class', classId: 'cls_scratch' } },
  ],
  'agreement:item': ({ world }) =>
    [...world.images, world.audio].flatMap((assetId) => [
      { assetId },
      { assetId, roundId: world.roundId },
    ]),
};

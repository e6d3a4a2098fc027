import type { z } from 'zod';
import { z as zod } from 'zod';
import { assetChannels, Job } from './schemas/assets';
import { projectChannels, ProjectSummary } from './schemas/project';
import { identityChannels } from './schemas/identity';
import { instructionChannels } from './schemas/instructions';
import { annotationChannels } from './schemas/annotations';
import { roundChannels } from './schemas/rounds';
import { agreementChannels } from './schemas/agreementChannels';
import { workOverviewChannels } from './schemas/workOverview';

/**
 * The one contract between the renderer (and CLI) and the services. Every transport parses
 * the input with these schemas before a service sees it. Channel names are only written here.
 */
export const contract = {
  ...projectChannels,
  ...assetChannels,
  ...identityChannels,
  ...instructionChannels,
  ...annotationChannels,
  ...roundChannels,
  ...agreementChannels,
  ...workOverviewChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Events pushed from the services to every window / browser tab. */
export const events = {
  'job:updated': Job,
  'project:changed': ProjectSummary.nullable(),
  'assets:changed': zod.object({ added: zod.number().int() }),
  'instructions:changed': zod.object({ version: zod.number().int() }),
  'profiles:changed': zod.object({}),
  'rounds:changed': zod.object({ roundId: zod.number().int() }),
  /** An item was submitted, accepted or sent back. It names nothing: in a blind round it
   * must not tell a labeler whose work moved, only that queues may have changed. */
  'work:changed': zod.object({}).strict(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

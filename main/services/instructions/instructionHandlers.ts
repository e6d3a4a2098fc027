import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { classUsage, tagUsage } from './classResolutions';
import { currentVersion, getVersion, listVersions } from './instructionRepository';
import { exportInstructions, importInstructions, saveInstructions } from './instructionService';

type InstructionChannels =
  | 'instructions:current'
  | 'instructions:get'
  | 'instructions:versions'
  | 'instructions:usage'
  | 'instructions:save'
  | 'instructions:exportJson'
  | 'instructions:importJson';

export function instructionHandlers({
  host,
  bus,
  requireActor,
}: ServiceDeps): Pick<Handlers, InstructionChannels> {
  const db = () => host.require().db;
  return {
    'instructions:current': (_input, ctx) => {
      requireActor(ctx);
      return currentVersion(db());
    },
    'instructions:get': ({ version }, ctx) => {
      requireActor(ctx);
      currentVersion(db()); // a brand-new project has version 1 as soon as anyone looks
      return getVersion(db(), version);
    },
    'instructions:versions': (_input, ctx) => {
      requireActor(ctx);
      currentVersion(db());
      return listVersions(db());
    },
    'instructions:usage': (_input, ctx) => {
      // Lead only, and only what the lead may read: counts over every labeler's boxes would
      // leak across a blind round (to a lead who labels in it, too).
      const actor = requireActor(ctx, 'lead', 'see how the classes are used');
      return { classes: classUsage(db(), actor), tags: tagUsage(db(), actor) };
    },
    'instructions:save': (input, ctx) => {
      const actor = requireActor(ctx, 'lead', 'change the instructions');
      const saved = saveInstructions(db(), actor, input);
      if (!saved.unchanged) bus.emit('instructions:changed', { version: saved.version });
      return saved;
    },
    'instructions:exportJson': ({ version }, ctx) => {
      requireActor(ctx);
      return exportInstructions(db(), version);
    },
    'instructions:importJson': (input, ctx) => {
      const actor = requireActor(ctx, 'lead', 'change the instructions');
      const saved = importInstructions(db(), actor, input);
      if (!saved.unchanged) bus.emit('instructions:changed', { version: saved.version });
      return saved;
    },
  };
}

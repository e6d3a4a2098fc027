import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import {
  closeRound,
  createRound,
  listRoundSummaries,
  previewRound,
  roundDetails,
} from './roundService';

type RoundChannels =
  'rounds:create' | 'rounds:preview' | 'rounds:list' | 'rounds:get' | 'rounds:close';

export function roundHandlers({
  host,
  bus,
  requireActor,
}: ServiceDeps): Pick<Handlers, RoundChannels> {
  const db = () => host.require().db;
  return {
    'rounds:create': (input, ctx) => {
      const round = createRound(db(), requireActor(ctx, 'lead', 'create a round'), input);
      bus.emit('rounds:changed', { roundId: round.id });
      return round;
    },
    'rounds:preview': (input, ctx) =>
      previewRound(db(), requireActor(ctx, 'lead', 'draw a round'), input),
    'rounds:list': ({ status }, ctx) => listRoundSummaries(db(), requireActor(ctx), status),
    'rounds:get': ({ roundId }, ctx) => roundDetails(db(), requireActor(ctx), roundId),
    'rounds:close': ({ roundId }, ctx) => {
      const round = closeRound(db(), requireActor(ctx, 'lead', 'close a round'), roundId);
      bus.emit('rounds:changed', { roundId });
      return round;
    },
  };
}

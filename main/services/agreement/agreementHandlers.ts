import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { agreementItemDetail, agreementItems, agreementView } from './agreementService';
import { agreementTrend } from './agreementTrend';

type AgreementChannels =
  'agreement:report' | 'agreement:trend' | 'agreement:items' | 'agreement:item';

/**
 * Anyone signed in may ask; what they get is decided by the blindness rule in the data
 * loader (an open round's agreement is for leads who do not label in it).
 */
export function agreementHandlers({
  host,
  requireActor,
}: ServiceDeps): Pick<Handlers, AgreementChannels> {
  const db = () => host.require().db;
  return {
    'agreement:report': (input, ctx) => agreementView(db(), requireActor(ctx), input),
    'agreement:trend': ({ by, iou }, ctx) => agreementTrend(db(), requireActor(ctx), by, iou),
    'agreement:items': (input, ctx) => agreementItems(db(), requireActor(ctx), input),
    'agreement:item': (input, ctx) => agreementItemDetail(db(), requireActor(ctx), input),
  };
}

import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { agreementItemDetail, agreementItems, agreementView } from './agreementService';
import { agreementTrend } from './agreementTrend';

type AgreementChannels =
  'agreement:report' | 'agreement:trend' | 'agreement:items' | 'agreement:item';

/**
 * Figures (report, trend): anyone signed in, within the blindness rule applied by the data
 * loader (an open round's agreement is for leads who do not label in it). The items behind
 * a figure show other people's labels item by item, so they are for leads only, open round
 * or not (labelers never get another labeler's work).
 */
export function agreementHandlers({
  host,
  requireActor,
}: ServiceDeps): Pick<Handlers, AgreementChannels> {
  const db = () => host.require().db;
  const itemsWhat = "see the items behind agreement figures (other people's labels)";
  return {
    'agreement:report': (input, ctx) => agreementView(db(), requireActor(ctx), input),
    'agreement:trend': ({ by, iou }, ctx) => agreementTrend(db(), requireActor(ctx), by, iou),
    'agreement:items': (input, ctx) =>
      agreementItems(db(), requireActor(ctx, 'lead', itemsWhat), input),
    'agreement:item': (input, ctx) =>
      agreementItemDetail(db(), requireActor(ctx, 'lead', itemsWhat), input),
  };
}

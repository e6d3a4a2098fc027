import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { workItem, workOverview } from './workOverview';

type WorkOverviewChannels = 'work:overview' | 'work:item';

/** The lead's Submissions screen: everyone's work per state, and one item to review. */
export function workOverviewHandlers({
  host,
  requireActor,
}: ServiceDeps): Pick<Handlers, WorkOverviewChannels> {
  return {
    'work:overview': (input, ctx) =>
      workOverview(host.require().db, requireActor(ctx, 'lead', "see everyone's work"), input),
    'work:item': (input, ctx) =>
      workItem(host.require().db, requireActor(ctx, 'lead', 'review items'), input),
  };
}

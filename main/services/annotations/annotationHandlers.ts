import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import {
  annotationHistory,
  getAnnotation,
  saveAnnotation,
  setAnnotationStatus,
  submitAnnotation,
} from './annotationService';
import { workQueue } from './workQueue';

type AnnotationChannels =
  | 'annotations:get'
  | 'annotations:save'
  | 'annotations:submit'
  | 'annotations:history'
  | 'annotations:setStatus'
  | 'work:queue';

export function annotationHandlers({
  host,
  bus,
  requireActor,
}: ServiceDeps): Pick<Handlers, AnnotationChannels> {
  /** Queues (the lead's Submissions, a labeler's sent-back items) refresh on this. */
  const moved = <T>(result: T): T => {
    bus.emit('work:changed', {});
    return result;
  };
  return {
    'annotations:get': ({ assetId, roundId }, ctx) =>
      getAnnotation(host.require().db, requireActor(ctx), assetId, roundId ?? null),
    'annotations:save': (input, ctx) => saveAnnotation(host.require().db, requireActor(ctx), input),
    'annotations:submit': ({ assetId, roundId, labelerId }, ctx) =>
      moved(
        submitAnnotation(host.require().db, requireActor(ctx), assetId, roundId ?? null, labelerId),
      ),
    'annotations:history': (input, ctx) => ({
      revisions: annotationHistory(host.require().db, requireActor(ctx), input),
    }),
    'annotations:setStatus': (input, ctx) =>
      moved(
        setAnnotationStatus(host.require().db, requireActor(ctx, 'lead', 'review items'), input),
      ),
    'work:queue': (input, ctx) => workQueue(host.require().db, requireActor(ctx), input),
  };
}

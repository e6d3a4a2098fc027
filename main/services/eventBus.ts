import type { EventName, EventPayload } from '../../shared/api/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Fan-out of service events to every connected transport (windows, SSE streams). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (e) {
        console.error('[concord] event listener failed', e);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

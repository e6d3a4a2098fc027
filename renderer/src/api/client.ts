import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../../shared/api/contract';
import type { ApiError, Envelope } from '../../../shared/api/envelope';
import type { AssetUrlBuilders } from './assetUrls';
import { assetUrls } from './assetUrls';
import './bridge';

export type { AssetVariant } from './assetUrls';
export { setAssetScope, withParam } from './assetUrls';

/** A failed call, carrying the service's code and its human-readable message. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** `assetUrl` and `tileUrl` name the open project's files (see assetUrls.ts). */
export interface ApiClient extends AssetUrlBuilders {
  readonly transport: 'ipc' | 'http';
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiCallError(envelope.error.code, envelope.error.message);
}

function createIpcClient(bridge: NonNullable<Window['api']>): ApiClient {
  return {
    transport: 'ipc',
    async invoke(channel, input) {
      return unwrap((await bridge.invoke(channel, input)) as Envelope<never>);
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as never));
    },
    ...assetUrls('concord-asset://asset'),
  };
}

/** A per-tab session key: identifies this tab's signed-in profile to the services. */
function sessionKey(): string {
  const existing = sessionStorage.getItem('concord.session');
  if (existing) return existing;
  const key = crypto.randomUUID();
  sessionStorage.setItem('concord.session', key);
  return key;
}

function createHttpClient(): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/api/events');
    source.onmessage = (msg) => {
      const { name, payload } = JSON.parse(msg.data as string) as {
        name: string;
        payload: unknown;
      };
      for (const l of listeners.get(name) ?? []) l(payload);
    };
  };
  return {
    transport: 'http',
    async invoke(channel, input) {
      let res: Response;
      try {
        res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-concord-session': sessionKey() },
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        throw new ApiCallError(
          'INTERNAL',
          `Concord is not reachable (${(e as Error).message}). Is it still running?`,
        );
      }
      return unwrap((await res.json()) as Envelope<never>);
    },
    on(event, listener) {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    ...assetUrls('/files/asset'),
  };
}

export const api: ApiClient = window.api ? createIpcClient(window.api) : createHttpClient();

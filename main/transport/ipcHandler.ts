import type { Envelope } from '../../shared/api/envelope';
import type { Handlers } from './dispatch';
import { dispatch } from './dispatch';
import { isAppUrl } from './schemes';

/** What ipc.ts learns about the caller from the Electron event. */
export interface IpcSender {
  /** URL of the frame that sent the message (null when the frame is gone). */
  frameUrl: string | null | undefined;
  webContentsId: number;
}

export type IpcInvoke = (
  sender: IpcSender,
  channel: unknown,
  input: unknown,
) => Promise<Envelope<unknown>>;

/** The session of one window: whoever signed in there (the app menu acts as them too). */
export const ipcSessionKey = (webContentsId: number): string => `ipc-${webContentsId}`;

/**
 * The `concord:invoke` logic without Electron: refuse any frame that is not the app's own
 * page (a navigated-away window, an injected iframe), then validate and dispatch exactly as
 * the HTTP transport does. One session per window, keyed by its webContents id.
 */
export function createIpcInvoke(
  handlers: Handlers,
  isTrustedUrl: (url: string) => boolean = isAppUrl,
): IpcInvoke {
  return async (sender, channel, input) => {
    if (!sender.frameUrl || !isTrustedUrl(sender.frameUrl)) {
      return {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: `IPC call refused: the sender (${sender.frameUrl || 'a closed frame'}) is not a Concord page`,
        },
      };
    }
    if (typeof channel !== 'string') {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'The channel name must be a string' },
      };
    }
    return dispatch(handlers, channel, input, {
      sessionKey: ipcSessionKey(sender.webContentsId),
      transport: 'ipc',
    });
  };
}

import { BrowserWindow, ipcMain } from 'electron';
import type { Services } from '../services/appServices';
import { createIpcInvoke } from './ipcHandler';
import { isAppUrl } from './schemes';

/** The only two IPC channel names; main/preload.ts uses the same strings. */
export const INVOKE_CHANNEL = 'concord:invoke';
export const EVENT_CHANNEL = 'concord:event';

/**
 * Binds the contract to Electron IPC: one `ipcMain.handle` for every call (checked and
 * validated in ipcHandler.ts), and every service event forwarded to every window.
 * Returns an unbind function for shutdown.
 */
export function bindIpc(services: Services): () => void {
  const invoke = createIpcInvoke(services.handlers);
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    invoke({ frameUrl: event.senderFrame?.url, webContentsId: event.sender.id }, channel, input),
  );
  const unsubscribe = services.bus.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const wc = win.webContents;
      // Only the app's own pages hear service events.
      if (!wc.isDestroyed() && isAppUrl(wc.getURL())) wc.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}

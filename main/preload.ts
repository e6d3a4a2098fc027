import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';

// The whole surface the renderer gets: invoke a contract channel, listen to an event.
// No generic ipcRenderer, no process, no Node. Validation happens in the main process.
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke('concord:invoke', channel, input),
  on: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('concord:event', wrapped);
    return () => {
      ipcRenderer.removeListener('concord:event', wrapped);
    };
  },
});

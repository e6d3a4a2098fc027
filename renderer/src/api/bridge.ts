/** What the Electron preload exposes on `window.api` (and nothing else). */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: PreloadBridge;
  }
}

export {};

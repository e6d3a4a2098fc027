import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../transport/schemes';

export interface MainWindowOptions {
  /** Developer tools are available only when running from source. */
  dev: boolean;
  /** Window icon (Linux/Windows; macOS takes it from the bundle). */
  iconPath?: string;
}

/**
 * The one window factory. The page is the same web app the loopback transport serves: it
 * runs sandboxed, with context isolation, no Node, web security on, and talks to main only
 * through the preload's `api.invoke` / `api.on` (dist/main/preload.cjs, beside this bundle).
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Concord',
    backgroundColor: '#f5f6f8',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.dev,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

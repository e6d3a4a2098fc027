// Electron lifecycle only: single instance, schemes, session lock-down, services, IPC,
// protocols, menu and the window. Everything else lives in services and transports.
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createServices } from './services/appServices';
import type { Services } from './services/appServices';
import { rendererDir } from './rendererDir';
import { bindIpc } from './transport/ipc';
import { installAppMenu, openProjectFile } from './windows/appMenu';
import { projectFileFromArgv } from './windows/launchArgs';
import { createMainWindow } from './windows/mainWindow';
import { nativeModuleProblem } from './windows/nativeModules';
import { handleProtocols, registerSchemes } from './windows/protocols';
import { guardAllWebContents, lockDownSession } from './windows/security';

const dev = !app.isPackaged;
let services: Services | null = null;
let pendingProject = projectFileFromArgv(process.argv.slice(1), process.cwd());

function showWindow(): void {
  const win = BrowserWindow.getAllWindows()[0] ?? createMainWindow({ dev, iconPath: iconPath() });
  if (win.isMinimized()) win.restore();
  win.focus();
}

function iconPath(): string {
  // resources/icons is shipped as an extra resource in packaged builds.
  return app.isPackaged
    ? path.join(process.resourcesPath, 'icons', 'icon.png')
    : path.join(app.getAppPath(), 'resources', 'icons', 'icon.png');
}

function openFromOutside(file: string | null): void {
  if (!file) return;
  if (services && app.isReady()) void openProjectFile(services, file);
  else pendingProject = file;
}

// CONCORD_DATA_DIR replaces the whole per-user folder (Chromium's state included) before the
// single-instance lock is taken, so test runs and side-by-side profiles stay independent.
if (process.env.CONCORD_DATA_DIR)
  app.setPath('userData', path.resolve(process.env.CONCORD_DATA_DIR));

if (!app.requestSingleInstanceLock()) {
  // Another Concord owns the window; it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.enableSandbox();
  registerSchemes();
  guardAllWebContents();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFromOutside(projectFileFromArgv(argv.slice(1), workingDirectory));
    if (app.isReady()) showWindow();
  });
  // macOS: double-clicked .concord files arrive here, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOutside(file);
  });

  void app.whenReady().then(async () => {
    const problem = nativeModuleProblem();
    if (problem) {
      dialog.showErrorBox('Concord cannot start', problem);
      app.exit(1);
      return;
    }
    const svc = createServices({ appDataDir: app.getPath('userData'), transport: 'ipc' });
    services = svc;
    lockDownSession(session.defaultSession);
    handleProtocols(svc, rendererDir());
    const unbindIpc = bindIpc(svc);
    const unbindMenu = installAppMenu({ services: svc, dev });
    app.once('will-quit', () => {
      unbindMenu();
      unbindIpc();
      svc.shutdown();
    });

    if (pendingProject) {
      const file = pendingProject;
      pendingProject = null;
      await openProjectFile(svc, file);
    }
    showWindow();
    app.on('activate', () => showWindow());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/api/contract';
import type { RecentProject } from '../../shared/api/schemas/project';
import type { Services } from '../services/appServices';
import { PROJECT_EXTENSION } from '../services/project/projectPaths';
import { dispatch } from '../transport/dispatch';
import { ipcSessionKey } from '../transport/ipcHandler';
import { buildMenuTemplate } from './menuTemplate';
import type { MenuActions } from './menuTemplate';

const projectFilter = { name: 'Concord project', extensions: [PROJECT_EXTENSION.slice(1)] };

export interface AppShell {
  services: Services;
  dev: boolean;
}

/**
 * Calls a channel exactly as a window would (validated by the contract), so the menu
 * and the in-app screens cannot drift apart; the renderer follows along through the
 * `project:changed` event. Failures are shown in a native error box. The menu acts as
 * whoever is signed in to the focused window: closing or switching the project is
 * checked against that person (main/services/project/projectPolicy.ts).
 */
export async function callService<C extends Channel>(
  services: Services,
  channel: C,
  input: ChannelInput<C>,
  failureTitle: string,
): Promise<ChannelOutput<C> | null> {
  const win = focusedWindow();
  const envelope = await dispatch(services.handlers, channel, input, {
    sessionKey: win ? ipcSessionKey(win.webContents.id) : 'ipc-shell',
    transport: 'ipc',
  });
  if (envelope.ok) return envelope.value as ChannelOutput<C>;
  dialog.showErrorBox(failureTitle, envelope.error.message);
  return null;
}

/** Opens a project by path (menu, command line, second instance, macOS open-file). */
export async function openProjectFile(services: Services, filePath: string): Promise<void> {
  const opened = await callService(
    services,
    'project:open',
    { path: filePath },
    `Could not open ${filePath}`,
  );
  if (opened) app.addRecentDocument(opened.path);
}

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

function menuActions({ services }: AppShell): MenuActions {
  return {
    async newProject() {
      const win = focusedWindow();
      const options = {
        title: 'New Concord project',
        buttonLabel: 'Create',
        defaultPath: path.join(services.options.defaultProjectDir, `Untitled${PROJECT_EXTENSION}`),
        filters: [projectFilter],
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return;
      const name = path.basename(result.filePath, PROJECT_EXTENSION) || 'Untitled';
      await callService(
        services,
        'project:create',
        { path: result.filePath, name },
        'Could not create the project',
      );
    },
    async openProject() {
      const win = focusedWindow();
      const options = {
        title: 'Open Concord project',
        properties: ['openFile' as const],
        filters: [projectFilter],
      };
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (!result.canceled && file) await openProjectFile(services, file);
    },
    openRecent(filePath) {
      void openProjectFile(services, filePath);
    },
    closeProject() {
      void callService(services, 'project:close', {}, 'Could not close the project');
    },
    showDataFolder() {
      void shell.openPath(services.options.appDataDir);
    },
    about() {
      void dialog.showMessageBox({
        type: 'info',
        title: 'About Concord',
        message: `Concord ${app.getVersion()}`,
        detail: 'Consistent labels for defect images and audio, offline.',
      });
    },
  };
}

/** Installs the application menu and rebuilds it whenever the open project changes. */
export function installAppMenu(shellState: AppShell): () => void {
  const actions = menuActions(shellState);
  const rebuild = async () => {
    const recent = await dispatch(
      shellState.services.handlers,
      'project:recent',
      {},
      {
        sessionKey: 'ipc-shell',
        transport: 'ipc',
      },
    );
    const template = buildMenuTemplate(
      {
        platform: process.platform,
        dev: shellState.dev,
        hasProject: shellState.services.host.current !== null,
        recent: recent.ok ? (recent.value as RecentProject[]) : [],
      },
      actions,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  void rebuild();
  return shellState.services.bus.subscribe((name) => {
    if (name === 'project:changed') void rebuild();
  });
}

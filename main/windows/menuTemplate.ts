import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../../shared/api/schemas/project';

/** What the menu can ask the shell to do (implemented in appMenu.ts). */
export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(filePath: string): void;
  closeProject(): void;
  showDataFolder(): void;
  about(): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  /** Running from source: reload and developer tools are offered. */
  dev: boolean;
  hasProject: boolean;
  recent: RecentProject[];
}

const MAX_RECENT = 10;

function recentItems(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  if (state.recent.length === 0) return [{ label: 'No Recent Projects', enabled: false }];
  return state.recent.slice(0, MAX_RECENT).map((p) => ({
    // A recent file that was moved or deleted stays visible (so the user knows where it
    // was) but cannot be clicked.
    label: p.exists ? `${p.name} — ${p.path}` : `${p.name} — ${p.path} (missing)`,
    enabled: p.exists,
    click: () => actions.openRecent(p.path),
  }));
}

/**
 * The application menu as data. Pure (type-only Electron import) so tests can check what
 * a packaged build offers without an Electron binary.
 */
export function buildMenuTemplate(
  state: MenuState,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Concord',
      submenu: [
        { label: 'About Concord', click: () => actions.about() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recentItems(state, actions) },
      { type: 'separator' },
      {
        label: 'Close Project',
        accelerator: 'CmdOrCtrl+Shift+W',
        enabled: state.hasProject,
        click: () => actions.closeProject(),
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const devItems: MenuItemConstructorOptions[] = state.dev
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  template.push({
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    label: 'Help',
    submenu: [
      { label: 'Show Data Folder', click: () => actions.showDataFolder() },
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            { label: 'About Concord', click: () => actions.about() },
          ]),
    ],
  });
  return template;
}

import { create } from 'zustand';
import type { AppInfo, ProjectSummary, RecentProject } from '../../../shared/api/schemas/project';
import { assetScopeKey } from '../api/assetUrls';
import { api, ApiCallError, setAssetScope } from '../api/client';

/** What the start screen is busy with, so its buttons can show progress and stay disabled. */
export type SessionBusy = 'sample' | 'open' | 'create' | null;

interface SessionState {
  ready: boolean;
  info: AppInfo | null;
  project: ProjectSummary | null;
  recent: RecentProject[];
  busy: SessionBusy;
  /** The last failed start-screen action, shown inline. */
  error: string | null;
  /** Why "Close project" was refused (e.g. others are still working), shown where it was clicked. */
  closeError: string | null;
}

export const useSessionStore = create<SessionState>(() => ({
  ready: false,
  info: null,
  project: null,
  recent: [],
  busy: null,
  error: null,
  closeError: null,
}));

const set = useSessionStore.setState;

// Set before any screen renders the new project (this listener is the store's first).
useSessionStore.subscribe((s, prev) => {
  if (s.project === prev.project) return;
  setAssetScope(s.project ? assetScopeKey(s.project) : null);
});

export function errorMessage(e: unknown): string {
  if (e instanceof ApiCallError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

async function refreshRecent(): Promise<void> {
  try {
    set({ recent: await api.invoke('project:recent', {}) });
  } catch {
    // the recent list is a convenience; its failure must not block the start screen
  }
}

/**
 * How often an open tab tells the server it is still there. Sessions silent for 15 minutes
 * stop counting as "signed in" (main/services/identity/sessionRegistry.ts), so a tab that
 * is merely idle on one item must still call now and then.
 */
const HEARTBEAT_MS = 60_000;

/** Loads app info, the open project and the recent list; follows project:changed events. */
export function startSession(): () => void {
  const heartbeat = setInterval(() => {
    if (useSessionStore.getState().project) void api.invoke('session:current', {}).catch(() => {});
  }, HEARTBEAT_MS);
  const offChanged = api.on('project:changed', (project) => {
    set({ project, closeError: null });
    if (!project) void refreshRecent();
  });
  void (async () => {
    try {
      const [info, project] = await Promise.all([
        api.invoke('app:info', {}),
        api.invoke('project:current', {}),
      ]);
      set({ info, project });
    } catch (e) {
      set({ error: errorMessage(e) });
    }
    await refreshRecent();
    set({ ready: true });
  })();
  return () => {
    clearInterval(heartbeat);
    offChanged();
  };
}

async function run(
  busy: Exclude<SessionBusy, null>,
  action: () => Promise<ProjectSummary>,
): Promise<boolean> {
  set({ busy, error: null });
  try {
    const project = await action();
    set({ project, busy: null });
    return true;
  } catch (e) {
    set({ busy: null, error: errorMessage(e) });
    await refreshRecent();
    return false;
  }
}

export const sessionActions = {
  openSample: () => run('sample', () => api.invoke('project:openSample', {})),
  openProject: (path: string) => run('open', () => api.invoke('project:open', { path })),
  createProject: (path: string, name: string) =>
    run('create', () => api.invoke('project:create', { path, name })),
  /** Closes the project for everyone; a refusal lands in `closeError` instead of throwing. */
  async closeProject(): Promise<boolean> {
    set({ closeError: null });
    try {
      await api.invoke('project:close', {});
    } catch (e) {
      set({ closeError: errorMessage(e) });
      return false;
    }
    set({ project: null });
    await refreshRecent();
    return true;
  },
  clearCloseError: () => set({ closeError: null }),
  async forgetRecent(path: string): Promise<void> {
    await api.invoke('project:forgetRecent', { path });
    await refreshRecent();
  },
  /** Re-reads counts after an import (project:changed is only sent on open/close). */
  async refreshProject(): Promise<void> {
    try {
      set({ project: await api.invoke('project:current', {}) });
    } catch {
      // keep the last summary; the next event will try again
    }
  },
  clearError: () => set({ error: null }),
};

import { create } from 'zustand';
import type { Profile, ProfileListItem } from '../../../../shared/api/schemas/identity';
import { api, ApiCallError } from '../../api/client';
import type { UnsavedWork } from '../label/saveRegistry';
import { tabSaves } from '../label/saveRegistry';
import type { UnsavedChoice } from './switchUser';
import { droppedNotice, switchUser } from './switchUser';

/** Who is working in this window, and the profiles to choose from. */
interface ProfileState {
  loaded: boolean;
  profiles: ProfileListItem[];
  current: Profile | null;
  busy: boolean;
  error: string | null;
  /** Switch user is saving the current person's last edits first. */
  switching: boolean;
  /** Edits Switch user could not save: the person chooses what happens to them. */
  unsaved: UnsavedWork[] | null;
  /** Said once after a sign-in, e.g. that somebody else's kept edits were dropped. */
  notice: string | null;
}

export const useProfileStore = create<ProfileState>(() => ({
  loaded: false,
  profiles: [],
  current: null,
  busy: false,
  error: null,
  switching: false,
  unsaved: null,
  notice: null,
}));

const set = useProfileStore.setState;

function message(e: unknown): string {
  return e instanceof ApiCallError || e instanceof Error ? e.message : String(e);
}

/**
 * Counts looks at who is signed in. A look started before a sign-in or sign-out (say on
 * profiles:changed when someone was added) can answer after it: only the newest may say who
 * is working, or a stale answer brings the person who just left back for a moment.
 */
let loadGeneration = 0;

async function load(): Promise<void> {
  const mine = ++loadGeneration;
  try {
    const [profiles, current] = await Promise.all([
      api.invoke('session:profiles', {}),
      api.invoke('session:current', {}),
    ]);
    if (mine !== loadGeneration) return;
    // Autosaves of this tab go out only as the person the server has signed in here.
    tabSaves.signedIn = current ? { id: current.id, name: current.name } : null;
    set({ profiles, current, loaded: true });
  } catch (e) {
    if (mine === loadGeneration) set({ loaded: true, error: message(e) });
  }
}

async function attempt(action: () => Promise<Profile>): Promise<boolean> {
  set({ busy: true, error: null });
  try {
    const current = await action();
    // Before the screens mount: this person's kept edits are saved, anyone else's dropped.
    const dropped = await tabSaves.signIn({ id: current.id, name: current.name });
    set({ current, busy: false, notice: droppedNotice(dropped) });
    void load();
    return true;
  } catch (e) {
    set({ busy: false, error: message(e) });
    return false;
  }
}

/** Loads the profiles of the open project and follows changes made in other windows. */
export function startProfiles(): () => void {
  set({ loaded: false, current: null, profiles: [], error: null });
  void load();
  return api.on('profiles:changed', () => void load());
}

export const profileActions = {
  reload: load,
  signIn: (profileId: number, secret?: string) =>
    attempt(() => api.invoke('session:signIn', { profileId, ...(secret ? { secret } : {}) })),
  /** The first profile of a project: a lead, signed in by creating it. */
  createLead: (name: string, secret: string) =>
    attempt(() => api.invoke('profiles:create', { name, role: 'lead', secret })),
  /**
   * Switch user: saves the current person's pending edits first ("Saving…"); when that
   * fails, asks (`unsaved`) and is called again with the person's choice.
   */
  async signOut(choice?: UnsavedChoice): Promise<void> {
    set({ switching: true, unsaved: null, error: null });
    try {
      const outcome = await switchUser(
        tabSaves,
        () => api.invoke('session:signOut', {}).then(() => undefined),
        choice,
      );
      if (!outcome.done) return set({ switching: false, unsaved: outcome.unsaved });
    } catch (e) {
      return set({ switching: false, error: `Could not switch user: ${message(e)}` });
    }
    set({ current: null, error: null, switching: false, unsaved: null });
    await load();
  },
  /** "Stay and retry": back to work; the editor keeps retrying its saves. */
  stay: () => {
    set({ unsaved: null });
    void tabSaves.flushAll();
  },
  clearNotice: () => set({ notice: null }),
  clearError: () => set({ error: null }),
};

export const isLead = (p: Profile | null) => p?.role === 'lead';

import { create } from 'zustand';
import type { Profile, ProfileListItem } from '../../../../shared/api/schemas/identity';
import { api, ApiCallError } from '../../api/client';

/** Who is working in this window, and the profiles to choose from. */
interface ProfileState {
  loaded: boolean;
  profiles: ProfileListItem[];
  current: Profile | null;
  busy: boolean;
  error: string | null;
}

export const useProfileStore = create<ProfileState>(() => ({
  loaded: false,
  profiles: [],
  current: null,
  busy: false,
  error: null,
}));

const set = useProfileStore.setState;

function message(e: unknown): string {
  return e instanceof ApiCallError || e instanceof Error ? e.message : String(e);
}

async function load(): Promise<void> {
  try {
    const [profiles, current] = await Promise.all([
      api.invoke('session:profiles', {}),
      api.invoke('session:current', {}),
    ]);
    set({ profiles, current, loaded: true });
  } catch (e) {
    set({ loaded: true, error: message(e) });
  }
}

async function attempt(action: () => Promise<Profile>): Promise<boolean> {
  set({ busy: true, error: null });
  try {
    const current = await action();
    set({ current, busy: false });
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
  async signOut(): Promise<void> {
    await api.invoke('session:signOut', {});
    set({ current: null, error: null });
    await load();
  },
  clearError: () => set({ error: null }),
};

export const isLead = (p: Profile | null) => p?.role === 'lead';

import { create } from 'zustand';
import type { RoundSummary } from '../../../../shared/api/schemas/rounds';
import { api, ApiCallError } from '../../api/client';
import { projectActions, useProjectStore } from '../../stores/projectStore';

/**
 * The rounds the signed-in person may see (a lead: all; a labeler: their own), and which
 * round the Label and Agreement screens should work on when opened from here.
 */
interface RoundsState {
  rounds: RoundSummary[];
  loading: boolean;
  error: string | null;
  /** The round whose items the Label screen walks; null = the labeler's whole queue. */
  labelRoundId: number | null;
  /** The round the Agreement screen should show when it opens; null = its own choice. */
  agreementRoundId: number | null;
}

export const useRoundsStore = create<RoundsState>(() => ({
  rounds: [],
  loading: false,
  error: null,
  labelRoundId: null,
  agreementRoundId: null,
}));
const set = useRoundsStore.setState;

const message = (e: unknown) =>
  e instanceof ApiCallError || e instanceof Error ? e.message : String(e);

// Leaving the Label (Agreement) screen ends the round it was opened on: opening it from the
// sidebar later shows the labeler's own queue (the screen's own choice). Cleared here rather
// than read-once on mount, which React's StrictMode runs twice.
useProjectStore.subscribe((s, prev) => {
  if (s.screen === prev.screen) return;
  const r = useRoundsStore.getState();
  if (s.screen !== 'label' && r.labelRoundId !== null) set({ labelRoundId: null });
  if (s.screen !== 'agreement' && r.agreementRoundId !== null) set({ agreementRoundId: null });
});

let generation = 0;

export const roundsActions = {
  async reload(): Promise<void> {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      const rounds = await api.invoke('rounds:list', {});
      if (mine === generation) set({ rounds, loading: false });
    } catch (e) {
      if (mine === generation) set({ loading: false, error: message(e) });
    }
  },
  /** Follows rounds created or closed in other windows; returns the unsubscribe. */
  follow(): () => void {
    return api.on('rounds:changed', () => void roundsActions.reload());
  },
  async close(roundId: number): Promise<void> {
    try {
      await api.invoke('rounds:close', { roundId });
      await roundsActions.reload();
    } catch (e) {
      set({ error: message(e) });
    }
  },
  /** Opens the Label screen on a round's items (the editor takes `labelRoundId` on mount). */
  label(roundId: number | null): void {
    set({ labelRoundId: roundId });
    projectActions.showScreen('label');
  },
  /** The round the Label screen should walk when it mounts (see the subscription below). */
  labelRound: (): number | null => useRoundsStore.getState().labelRoundId,
  showRounds: () => projectActions.showScreen('rounds'),
  showAgreement(roundId: number | null): void {
    set({ agreementRoundId: roundId });
    projectActions.showScreen('agreement');
  },
  /** The round the Agreement screen should show when it mounts. */
  agreementRound: (): number | null => useRoundsStore.getState().agreementRoundId,
  clearError: () => set({ error: null }),
};

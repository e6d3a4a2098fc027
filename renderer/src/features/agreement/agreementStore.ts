import { create } from 'zustand';
import type {
  AgreementItem,
  AgreementItemDetail,
  AgreementTrend,
  AgreementView,
  ItemFilter,
} from '../../../../shared/api/schemas/agreementChannels';
import type { RoundSummary } from '../../../../shared/api/schemas/rounds';
import { api, ApiCallError } from '../../api/client';
import { isLead, useProfileStore } from '../people/profileStore';

/**
 * The Agreement screen's state: which comparison (a round, or every item two or more
 * people annotated), the IoU threshold, the report, the trend, and the items behind the
 * figure the lead clicked last.
 */
export interface Drilldown {
  title: string;
  filter: ItemFilter;
  items: AgreementItem[];
  total: number;
  loading: boolean;
  error: string | null;
}

interface AgreementState {
  rounds: RoundSummary[];
  /** null: every item two or more people annotated. */
  roundId: number | null;
  iou: number;
  view: AgreementView | null;
  loading: boolean;
  error: string | null;
  trendBy: 'round' | 'instructionsVersion';
  trend: AgreementTrend | null;
  trendError: string | null;
  drill: Drilldown | null;
  detail: AgreementItemDetail | null;
  detailError: string | null;
}

export const useAgreementStore = create<AgreementState>(() => ({
  rounds: [],
  roundId: null,
  iou: 0.5,
  view: null,
  loading: false,
  error: null,
  trendBy: 'round',
  trend: null,
  trendError: null,
  drill: null,
  detail: null,
  detailError: null,
}));
const set = useAgreementStore.setState;
const get = useAgreementStore.getState;

const message = (e: unknown) =>
  e instanceof ApiCallError || e instanceof Error ? e.message : String(e);

const scope = () => {
  const { roundId, iou } = get();
  return { ...(roundId !== null ? { roundId } : {}), iou };
};

let reportGen = 0;
let trendGen = 0;
let drillGen = 0;

export const agreementActions = {
  /** Loads the rounds and picks the requested round (or the latest one) on first show. */
  async start(requested: number | null): Promise<void> {
    let rounds: RoundSummary[] = [];
    try {
      rounds = await api.invoke('rounds:list', {});
    } catch (e) {
      set({ error: message(e) });
    }
    // A lead starts on the latest round; a labeler on the latest closed one (open rounds'
    // agreement is hidden from labelers until the lead closes them).
    const lead = isLead(useProfileStore.getState().current);
    const pickable = lead ? rounds : rounds.filter((r) => r.status === 'closed');
    const fallback = (pickable.at(-1) ?? rounds.at(-1))?.id ?? null;
    const current = get().roundId;
    const roundId =
      requested ?? (current !== null && rounds.some((r) => r.id === current) ? current : fallback);
    set({ rounds, roundId, drill: null, detail: null });
    await Promise.all([agreementActions.reload(), agreementActions.reloadTrend()]);
  },
  async reload(): Promise<void> {
    const mine = ++reportGen;
    set({ loading: true, error: null });
    try {
      const view = await api.invoke('agreement:report', scope());
      if (mine === reportGen) set({ view, loading: false });
    } catch (e) {
      if (mine === reportGen) set({ view: null, loading: false, error: message(e) });
    }
  },
  async reloadTrend(): Promise<void> {
    const mine = ++trendGen;
    try {
      const trend = await api.invoke('agreement:trend', { by: get().trendBy, iou: get().iou });
      if (mine === trendGen) set({ trend, trendError: null });
    } catch (e) {
      if (mine === trendGen) set({ trend: null, trendError: message(e) });
    }
  },
  setRound(roundId: number | null): void {
    set({ roundId, drill: null });
    void agreementActions.reload();
  },
  setIou(iou: number): void {
    set({ iou });
    void agreementActions.reload();
    void agreementActions.reloadTrend();
    const drill = get().drill;
    if (drill) void agreementActions.drill(drill.title, drill.filter);
  },
  setTrendBy(trendBy: 'round' | 'instructionsVersion'): void {
    set({ trendBy });
    void agreementActions.reloadTrend();
  },
  /** Lists the items behind a figure. */
  async drill(title: string, filter: ItemFilter): Promise<void> {
    const mine = ++drillGen;
    set({ drill: { title, filter, items: [], total: 0, loading: true, error: null } });
    try {
      const page = await api.invoke('agreement:items', { ...scope(), filter, limit: 500 });
      if (mine === drillGen)
        set({
          drill: {
            title,
            filter,
            items: page.items,
            total: page.total,
            loading: false,
            error: null,
          },
        });
    } catch (e) {
      if (mine === drillGen)
        set({ drill: { title, filter, items: [], total: 0, loading: false, error: message(e) } });
    }
  },
  closeDrill: () => set({ drill: null }),
  async openItem(assetId: number): Promise<void> {
    set({ detailError: null });
    try {
      set({ detail: await api.invoke('agreement:item', { ...scope(), assetId }) });
    } catch (e) {
      set({ detail: null, detailError: message(e) });
    }
  },
  closeItem: () => set({ detail: null, detailError: null }),
};

import { useEffect } from 'react';
import { api } from '../../api/client';
import { projectActions, useProjectStore } from '../../stores/projectStore';
import { useSessionStore } from '../../stores/sessionStore';
import { defaultScreenId, screens } from '../navigation';
import { isLead, useProfileStore } from '../people/profileStore';
import { queueActions } from '../queue/queueStore';
import { roundsActions, useRoundsStore } from '../rounds/roundsStore';
import type { Route } from './route';
import { formatRoute, parseRoute } from './route';

/**
 * Keeps the URL's hash and the open project's screen in step, both ways:
 *   stores -> hash: a new screen is a new history entry; a new item or round replaces it.
 *   hash -> stores: on mount (a reload) and on back/forward.
 */
let applying = false;

function urlWith(hash: string): string {
  return `${location.pathname}${location.search}${hash}`;
}

/** The route the stores describe now. */
function currentRoute(): Route {
  const { screen, labelAssetId } = useProjectStore.getState();
  if (screen !== 'label') return { screen, asset: null, round: null };
  let asset = labelAssetId;
  // While the Label screen is still opening the item the URL names, keep naming it.
  const shown = parseRoute(location.hash);
  if (asset === null && shown?.screen === 'label') asset = shown.asset;
  return { screen, asset, round: useRoundsStore.getState().labelRoundId };
}

function writeHash(): void {
  if (applying) return;
  const route = currentRoute();
  const next = formatRoute(route);
  if (next === location.hash) return;
  const shown = parseRoute(location.hash);
  if (shown && shown.screen !== route.screen) history.pushState(null, '', urlWith(next));
  else history.replaceState(null, '', urlWith(next));
}

/**
 * Where a person lands with no place in the URL (just signed in): leads on Assets; labelers
 * on their work, i.e. the open round they label in if there is exactly one, else My queue.
 */
function land(): void {
  if (isLead(useProfileStore.getState().current)) {
    projectActions.showScreen(defaultScreenId);
    return;
  }
  projectActions.showScreen('queue');
  void api
    .invoke('work:queue', { kind: 'image', offset: 0, limit: 1 })
    .then(({ openRounds }) => {
      const only = openRounds.length === 1 ? openRounds[0]! : null;
      // Only if they have not gone elsewhere in the meantime.
      if (only && useProjectStore.getState().screen === 'queue') roundsActions.label(only.roundId);
    })
    .catch(() => undefined); // My queue shows the problem itself.
}

/** Shows what a route names; anything unknown or not allowed shows the default screen. */
function applyRoute(route: Route | null): void {
  const def = route ? screens.find((s) => s.id === route.screen) : undefined;
  const allowed = def && (!def.leadOnly || isLead(useProfileStore.getState().current));
  applying = true;
  try {
    if (!route) land();
    else if (!allowed) projectActions.showScreen(defaultScreenId);
    else if (route.screen === 'label') {
      // The Label screen takes both when it mounts (and follows the item while it is open).
      if (route.asset !== null) queueActions.requestOpen(route.asset);
      roundsActions.label(route.round);
    } else projectActions.showScreen(route.screen);
  } finally {
    applying = false;
  }
  writeHash();
}

function clearHash(): void {
  if (location.hash) history.replaceState(null, '', urlWith(''));
}

// Another project, or another person in this window: the last place is not theirs.
useSessionStore.subscribe((s, prev) => {
  if (prev.project && s.project?.path !== prev.project.path) clearHash();
});
useProfileStore.subscribe((s, prev) => {
  if (prev.current && s.current?.id !== prev.current.id) clearHash();
});

/** For the project shell: restores the place from the URL, then keeps the URL current. */
export function useLocationSync(): void {
  useEffect(() => {
    applyRoute(parseRoute(location.hash));
    const offProject = useProjectStore.subscribe((s, prev) => {
      if (s.screen !== prev.screen || s.labelAssetId !== prev.labelAssetId) writeHash();
    });
    const offRounds = useRoundsStore.subscribe((s, prev) => {
      if (s.labelRoundId !== prev.labelRoundId) writeHash();
    });
    const onPop = () => applyRoute(parseRoute(location.hash));
    window.addEventListener('popstate', onPop);
    return () => {
      offProject();
      offRounds();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}

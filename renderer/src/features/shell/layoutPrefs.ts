import { useEffect, useState } from 'react';
import { create } from 'zustand';

/**
 * Which side panels are shown: the app navigation and the Label screen's item list. On a
 * laptop the editor needs the width for the image, so both collapse (a button, or `\` and
 * `[`). An explicit choice is remembered in localStorage; without one the navigation
 * collapses on the Label screen when the window is narrower than NAV_AUTO_COLLAPSE_BELOW.
 */
export type PanelPref = 'shown' | 'hidden' | null;

export interface LayoutPrefs {
  nav: PanelPref;
  queue: PanelPref;
}

export const NAV_AUTO_COLLAPSE_BELOW = 1366;
const KEY = 'concord.layout';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function parsePref(v: unknown): PanelPref {
  return v === 'shown' || v === 'hidden' ? v : null;
}

export function readPrefs(raw: string | null): LayoutPrefs {
  try {
    const v = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    return { nav: parsePref(v.nav), queue: parsePref(v.queue) };
  } catch {
    return { nav: null, queue: null };
  }
}

/** Whether the app navigation is shown, given the choice, the screen and the window width. */
export function navShown(pref: PanelPref, screen: string, width: number): boolean {
  if (pref) return pref === 'shown';
  return !(screen === 'label' && width < NAV_AUTO_COLLAPSE_BELOW);
}

/** Whether the Label screen's item list is shown. */
export function queueShown(pref: PanelPref): boolean {
  return pref !== 'hidden';
}

export const useLayoutPrefs = create<LayoutPrefs>(() => readPrefs(storage()?.getItem(KEY) ?? null));

function save(next: Partial<LayoutPrefs>): void {
  useLayoutPrefs.setState(next);
  try {
    storage()?.setItem(KEY, JSON.stringify(useLayoutPrefs.getState()));
  } catch {
    // a full or disabled storage only means the choice is not remembered
  }
}

export const layoutActions = {
  /** Flips the navigation from what is shown now (`shownNow` includes the automatic rule). */
  toggleNav(shownNow: boolean): void {
    save({ nav: shownNow ? 'hidden' : 'shown' });
  },
  toggleQueue(): void {
    save({ queue: queueShown(useLayoutPrefs.getState().queue) ? 'hidden' : 'shown' });
  },
  /** The `\` key anywhere: needs the screen and width to know what is shown now. */
  toggleNavFor(screen: string): void {
    const width = typeof window === 'undefined' ? Infinity : window.innerWidth;
    layoutActions.toggleNav(navShown(useLayoutPrefs.getState().nav, screen, width));
  },
};

/** The window's inner width, following resizes. */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

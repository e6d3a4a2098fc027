import { useEffect } from 'react';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { assetActions } from '../../stores/assetsStore';
import { projectActions, useProjectStore } from '../../stores/projectStore';
import { sessionActions, useSessionStore } from '../../stores/sessionStore';
import { ImportDialog } from '../import/ImportDialog';
import { findScreen, navGroups, screens } from '../navigation';
import { JobIndicator } from './JobIndicator';
import { layoutActions, navShown, useLayoutPrefs, useWindowWidth } from './layoutPrefs';
import { useLocationSync } from './locationSync';
import { ProfileBadge } from '../people/ProfileBadge';
import { isLead, useProfileStore } from '../people/profileStore';
import './shell.css';

/** The frame around an open project: header, sidebar from the screen registry, active screen. */
export function ProjectShell() {
  const name = useSessionStore((s) => s.project?.name ?? '');
  const path = useSessionStore((s) => s.project?.path ?? '');
  const isSample = useSessionStore((s) => s.project?.isSample ?? false);
  const assetCount = useSessionStore((s) => s.project?.assetCount ?? 0);
  const screenId = useProjectStore((s) => s.screen);
  const importOpen = useProjectStore((s) => s.importOpen);
  const Screen = findScreen(screenId).component;
  const lead = useProfileStore((s) => isLead(s.current));
  const closeError = useSessionStore((s) => s.closeError);
  const navPref = useLayoutPrefs((s) => s.nav);
  const width = useWindowWidth();
  const showNav = navShown(navPref, screenId, width);

  // `\` shows or hides the navigation on every screen (the Label screen handles it itself,
  // with its other keys, and marks the event handled).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== '\\' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || t.closest('input, textarea, select')))
        return;
      e.preventDefault();
      layoutActions.toggleNavFor(useProjectStore.getState().screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    projectActions.reset();
    sessionActions.clearCloseError();
    void projectActions.loadFacets();
    void assetActions.reload();
    let thumbTimer: ReturnType<typeof setTimeout> | null = null;
    const offAssets = api.on('assets:changed', () => {
      void assetActions.reload();
      void projectActions.loadFacets();
      void sessionActions.refreshProject();
    });
    // Thumbnails may be made after the import finishes; let failed tiles try again.
    const offJobs = api.on('job:updated', (job) => {
      if (job.kind !== 'thumbnails' && job.kind !== 'import') return;
      if (thumbTimer) return;
      thumbTimer = setTimeout(() => {
        thumbTimer = null;
        projectActions.bumpThumbs();
      }, 1000);
    });
    return () => {
      offAssets();
      offJobs();
      if (thumbTimer) clearTimeout(thumbTimer);
    };
  }, []);
  // After the reset above: the screen and item in the URL win (a reload reopens them).
  useLocationSync();

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand-mark brand-mark-sm" aria-hidden="true">
          C
        </div>
        <div className="shell-title">
          <div className="shell-name-row">
            <h1 className="shell-name">{name}</h1>
            {isSample && <span className="tag tag-accent">Sample</span>}
          </div>
          <div className="shell-path" title={path}>
            {path}
          </div>
        </div>
        <div className="shell-header-actions">
          <JobIndicator />
          {/* Importing is lead-only (the service refuses labelers too). */}
          {lead && (
            <button className="btn" onClick={projectActions.openImport}>
              <Icon name="import" />
              Import
            </button>
          )}
          <button
            className="btn btn-ghost"
            onClick={() => {
              // Unsaved work elsewhere (the instructions draft) asks before the project closes.
              if (projectActions.confirmLeave()) void sessionActions.closeProject();
            }}
          >
            Close project
          </button>
          <ProfileBadge />
        </div>
      </header>
      {closeError && (
        <div className="shell-alert">
          <ErrorNotice message={closeError} onDismiss={sessionActions.clearCloseError} />
        </div>
      )}
      <div className="shell-body">
        <nav className={`shell-nav ${showNav ? '' : 'is-collapsed'}`} aria-label="Project">
          <button
            className="nav-item nav-toggle"
            aria-expanded={showNav}
            title={showNav ? 'Hide the navigation (\\)' : 'Show the navigation (\\)'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => layoutActions.toggleNav(showNav)}
          >
            <Icon name={showNav ? 'chevronLeft' : 'chevronRight'} />
            <span>{showNav ? 'Hide navigation' : 'Show navigation'}</span>
          </button>
          {navGroups.map((group) => {
            const items = screens.filter((s) => s.group === group && (!s.leadOnly || lead));
            if (items.length === 0) return null;
            return (
              <div key={group} className="nav-group">
                <div className="nav-group-label">{group}</div>
                {items.map((s) => (
                  <button
                    key={s.id}
                    className={`nav-item ${s.id === screenId ? 'is-active' : ''}`}
                    aria-current={s.id === screenId ? 'page' : undefined}
                    title={showNav ? undefined : s.label}
                    onClick={() => projectActions.showScreen(s.id)}
                  >
                    {s.icon && <Icon name={s.icon} />}
                    <span>{s.label}</span>
                    {s.id === 'assets' && (
                      <span className="nav-count">{assetCount.toLocaleString('en-US')}</span>
                    )}
                  </button>
                ))}
              </div>
            );
          })}
        </nav>
        <main className="shell-main">
          <Screen />
        </main>
      </div>
      {importOpen && <ImportDialog onClose={projectActions.closeImport} />}
    </div>
  );
}

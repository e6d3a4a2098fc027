import { useEffect } from 'react';
// Base styles first, so feature stylesheets (imported by the screens below) refine them.
import './styles.css';
import { ProjectShell } from './features/shell/ProjectShell';
import { StartScreen } from './features/start/StartScreen';
import { startJobs } from './stores/jobsStore';
import { startSession, useSessionStore } from './stores/sessionStore';

/** A thin router: the start screen without a project, the project shell with one. */
export function App() {
  useEffect(() => {
    const stopSession = startSession();
    const stopJobs = startJobs();
    return () => {
      stopSession();
      stopJobs();
    };
  }, []);
  const ready = useSessionStore((s) => s.ready);
  const projectPath = useSessionStore((s) => s.project?.path ?? null);
  if (!ready) return <div className="app-loading" aria-busy="true" />;
  // Keyed by path: opening another project starts its screens from a clean state.
  return projectPath ? <ProjectShell key={projectPath} /> : <StartScreen />;
}

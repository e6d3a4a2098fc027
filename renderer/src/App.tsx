import { useEffect } from 'react';
// Base styles first, so feature stylesheets (imported by the screens below) refine them.
import './styles.css';
import { ProjectShell } from './features/shell/ProjectShell';
import { SignInGate } from './features/people/SignInGate';
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
  // The gate asks who is working before any screen of the project shows.
  return projectPath ? (
    <SignInGate key={projectPath}>
      <ProjectShell />
    </SignInGate>
  ) : (
    <StartScreen />
  );
}

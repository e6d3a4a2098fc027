import { Fragment, useEffect } from 'react';
import type { ReactNode } from 'react';
import { startProfiles, useProfileStore } from './profileStore';
import { CreateLeadForm } from './CreateLeadForm';
import { WhoIsWorking } from './WhoIsWorking';
import './people.css';

/**
 * Stands between an open project and its screens: asks who is working (or, in a project
 * without a lead, creates the lead). Everything inside is remounted per person, so one
 * labeler's screen state never shows up for the next.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const loaded = useProfileStore((s) => s.loaded);
  const current = useProfileStore((s) => s.current);
  const hasLead = useProfileStore((s) => s.profiles.some((p) => p.role === 'lead'));
  useEffect(() => startProfiles(), []);
  if (!loaded) return <div className="app-loading" aria-busy="true" />;
  if (current) return <Fragment key={current.id}>{children}</Fragment>;
  return hasLead ? <WhoIsWorking /> : <CreateLeadForm />;
}

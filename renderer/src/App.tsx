import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../shared/api/schemas/project';
import { api } from './api/client';

export function App() {
  const [project, setProject] = useState<ProjectSummary | null>(null);
  useEffect(() => {
    void api.invoke('project:current', {}).then(setProject);
    return api.on('project:changed', setProject);
  }, []);
  return (
    <main className="app">
      <h1>Concord</h1>
      <p>{project ? project.name : 'No project open'}</p>
    </main>
  );
}

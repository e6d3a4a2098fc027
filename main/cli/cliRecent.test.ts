import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentProjects } from '../services/project/recentProjects';
import type { CliWorld } from './cliTestKit';
import { cliWorld } from './cliTestKit';

let cli: CliWorld;
const recentPaths = () => new RecentProjects(cli.dataDir).list().map((r) => r.path);

beforeEach(() => {
  cli = cliWorld('concord-cli-recent-');
});
afterEach(() => cli.dispose());

describe('the CLI and the app share the recent-projects list', () => {
  it('init records the new project, and a command that opens one moves it to the top', async () => {
    const a = cli.path('a.concord');
    const b = cli.path('b.concord');
    expect(await cli.run('init', a, '--name', 'Alpha')).toBe(0);
    expect(await cli.run('init', b, '--name', 'Beta')).toBe(0);
    expect(recentPaths()).toEqual([b, a]);
    expect(new RecentProjects(cli.dataDir).list()[1]).toMatchObject({
      name: 'Alpha',
      exists: true,
    });
    expect(await cli.run('assets', a, '--json')).toBe(0);
    expect(recentPaths()).toEqual([a, b]);
  });

  it('a command that fails to open a project records nothing', async () => {
    expect(await cli.run('assets', cli.path('missing.concord'))).toBe(1);
    expect(recentPaths()).toEqual([]);
  });
});

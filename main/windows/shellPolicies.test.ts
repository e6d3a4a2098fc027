import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { projectFileFromArgv } from './launchArgs';
import type { MenuActions, MenuState } from './menuTemplate';
import { buildMenuTemplate } from './menuTemplate';
import { externalLinkTarget, mayNavigate } from './navigationPolicy';

describe('navigation policy', () => {
  it('lets pages navigate only within concord-app://app', () => {
    expect(mayNavigate('concord-app://app/index.html')).toBe(true);
    expect(mayNavigate('concord-app://app/projects?x=1#y')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/',
      'file:///etc/passwd',
      'concord-app://other/index.html',
      'concord-asset://asset/1/original',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
    ]) {
      expect(mayNavigate(url), url).toBe(false);
    }
  });

  it('opens only well-formed http(s) links externally', () => {
    expect(externalLinkTarget('https://example.com/docs?a=1')).toBe('https://example.com/docs?a=1');
    expect(externalLinkTarget('http://example.com')).toBe('http://example.com/');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'concord-app://app/index.html',
      'https://user:pw@example.com/',
      'https://exa mple.com/',
      'https://example.com/\nrm -rf',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('projectFileFromArgv', () => {
  it('finds the .concord argument and resolves it against the working directory', () => {
    const cwd = path.resolve('/home/ana/work');
    expect(projectFileFromArgv(['/opt/Concord/concord', 'steel.concord'], cwd)).toBe(
      path.join(cwd, 'steel.concord'),
    );
    expect(projectFileFromArgv(['electron', '.', '--no-sandbox', '/data/A.CONCORD'], cwd)).toBe(
      path.resolve('/data/A.CONCORD'),
    );
    expect(projectFileFromArgv(['electron', '.', '--inspect=9229'], cwd)).toBeNull();
    expect(projectFileFromArgv(['concord', '--open=x.concord'], cwd)).toBeNull();
  });
});

const noop: MenuActions = {
  newProject: () => undefined,
  openProject: () => undefined,
  openRecent: () => undefined,
  closeProject: () => undefined,
  showDataFolder: () => undefined,
  about: () => undefined,
};

const baseState: MenuState = { platform: 'linux', dev: false, hasProject: false, recent: [] };

function submenu(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const item = template.find((i) => i.label === label);
  if (!item || !Array.isArray(item.submenu)) throw new Error(`no ${label} menu`);
  return item.submenu;
}

describe('application menu', () => {
  it('has File, Edit, View and Help, with New/Open/Recent/Close', () => {
    const template = buildMenuTemplate(baseState, noop);
    expect(template.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = submenu(template, 'File').map((i) => i.label ?? i.role ?? i.type);
    expect(file).toEqual([
      'New Project…',
      'Open Project…',
      'Open Recent',
      'separator',
      'Close Project',
      'separator',
      'quit',
    ]);
    expect(submenu(template, 'File').find((i) => i.label === 'Close Project')?.enabled).toBe(false);
  });

  it('offers developer tools and reload only when running from source', () => {
    const roles = (dev: boolean) =>
      submenu(buildMenuTemplate({ ...baseState, dev }, noop), 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('lists recent projects and disables the missing ones', () => {
    const opened: string[] = [];
    const template = buildMenuTemplate(
      {
        ...baseState,
        hasProject: true,
        recent: [
          {
            path: '/p/steel.concord',
            name: 'Steel',
            openedAt: '2026-01-01T00:00:00.000Z',
            exists: true,
          },
          {
            path: '/p/gone.concord',
            name: 'Gone',
            openedAt: '2026-01-01T00:00:00.000Z',
            exists: false,
          },
        ],
      },
      { ...noop, openRecent: (p) => opened.push(p) },
    );
    const recent = submenu(submenu(template, 'File'), 'Open Recent');
    expect(recent.map((i) => [i.label, i.enabled])).toEqual([
      ['Steel — /p/steel.concord', true],
      ['Gone — /p/gone.concord (missing)', false],
    ]);
    const click = recent[0]!.click as () => void;
    click();
    expect(opened).toEqual(['/p/steel.concord']);
    expect(submenu(template, 'File').find((i) => i.label === 'Close Project')?.enabled).toBe(true);
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate({ ...baseState, platform: 'darwin' }, noop);
    expect(template[0]?.label).toBe('Concord');
    expect(submenu(template, 'File').some((i) => i.role === 'quit')).toBe(false);
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliWorld } from '../cliTestKit';
import { cliWorld } from '../cliTestKit';

let cli: CliWorld;
beforeAll(() => {
  cli = cliWorld('concord-cli-instr-');
});
afterAll(() => cli.dispose());

/** One call's exit code and output, each stream joined into one string. */
async function run(...argv: string[]) {
  const code = await cli.run(...argv);
  return { code, out: cli.out().join('\n'), err: cli.err().join('\n') };
}

const spec = {
  name: 'Steel sheet defects',
  classes: [
    {
      name: 'scratch',
      color: '#e6194b',
      hotkey: '1',
      description: 'Linear mark longer than 5 mm',
      attributes: [{ name: 'severity', type: 'enum', options: ['minor', 'major'] }],
    },
  ],
  tags: [{ name: 'ok', noDefects: true }, { name: 'defective' }, { name: 'uncertain' }],
  transcript: {
    lowercase: true,
    stripPunctuation: true,
    fillers: ['um', 'uh'],
    dropFillers: false,
  },
};

describe('concord instructions', () => {
  it('init --instructions makes the file version 1; show prints it; show --json round-trips', async () => {
    const specFile = cli.write('spec.json', spec);
    const project = cli.path('steel.concord');
    const init = await run('init', project, '--name', 'Steel', '--instructions', specFile);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);

    const show = await run('instructions', 'show', project);
    expect(show.code).toBe(0);
    expect(show.out).toContain('Steel sheet defects — instructions version 1');
    expect(show.out).toContain('[1] scratch  #e6194b  — Linear mark longer than 5 mm');
    expect(show.out).toContain('severity: enum (minor, major)');
    expect(show.out).toContain('Tags: ok (no defects), defective, uncertain');

    const json = await run('instructions', 'show', project, '--json');
    const file = JSON.parse(json.out) as typeof spec & { instructionsVersion: number };
    expect(file.instructionsVersion).toBe(1);
    expect(file.classes[0]).toMatchObject(spec.classes[0]!);

    // a second project started from the first one's instructions
    const copy = cli.write('copy.json', json.out);
    const other = cli.path('other.concord');
    expect((await run('init', other, '--name', 'Other', '--instructions', copy)).code).toBe(0);
    expect((await run('instructions', 'show', other)).out).toContain('[1] scratch');
  });

  it('set saves the next version with a note; bad files fail with one clear line', async () => {
    const project = cli.path('set.concord');
    expect((await run('init', project, '--name', 'Set')).code).toBe(0);
    const specFile = cli.write('set-spec.json', spec);
    // Looking at a new project's instructions gives it version 1, the defaults.
    expect((await run('instructions', 'show', project)).out).toContain(
      'Set — instructions version 1',
    );
    const set = await run(
      'instructions',
      'set',
      project,
      specFile,
      '--note',
      'first classes',
      '--json',
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toEqual({
      version: 2,
      classes: 1,
      tags: 3,
      unchanged: false,
      rewrittenAnnotations: 0,
      warnings: [],
    });
    const show = await run('instructions', 'show', project);
    expect(show.out).toContain('instructions version 2');
    expect(show.out).toMatch(/by concord CLI: first classes/);
    expect((await run('instructions', 'show', project, '--version', '1')).out).toContain(
      '(none yet)',
    );

    const bad = cli.write('bad.json', { classes: [{ name: 'dent', color: 'blue' }] });
    const failed = await run('instructions', 'set', project, bad);
    expect(failed.code).toBe(1);
    expect(failed.err).toBe(
      'concord instructions set: error: The instructions file has problems: classes[0] ("dent").color: color must look like #e6194b',
    );
    const missing = await run('instructions', 'set', project, cli.path('nope.json'));
    expect(missing.err).toMatch(/Instructions file not found: .*nope\.json/);
    const nobody = await run('instructions', 'set', project, specFile, '--as', 'zoe');
    expect(nobody.err).toMatch(
      /No profile named "zoe" in this project; this project has no profiles yet/,
    );
  });

  it('init refuses a bad instructions file before creating the project', async () => {
    const bad = cli.write('broken.json', '{"classes": [');
    const project = cli.path('never.concord');
    const r = await run('init', project, '--name', 'Never', '--instructions', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not valid JSON/);
    expect(fs.existsSync(project)).toBe(false);
  });

  it('renames a class by editing show --json; an identical file saves nothing; editor keys are refused', async () => {
    const specFile = cli.write('rename-spec.json', spec);
    const project = cli.path('rename.concord');
    expect((await run('init', project, '--name', 'R', '--instructions', specFile)).code).toBe(0);
    const shown = JSON.parse((await run('instructions', 'show', project, '--json')).out) as {
      classes: Array<{ id: string; name: string; hotkey: string | null }>;
      tags: Array<{ id: string; name: string }>;
    };
    const id = shown.classes[0]!.id;
    expect(id).toMatch(/^cls_/);
    expect(shown.tags.map((t) => t.id)).toEqual(['tag_ok', 'tag_defective', 'tag_uncertain']);

    shown.classes[0]!.name = 'long scratch';
    const renamed = cli.write('renamed.json', shown);
    const set = await run('instructions', 'set', project, renamed);
    expect(set).toMatchObject({ code: 0, err: '' });
    expect(set.out).toBe('Saved instructions version 2 (1 classes, 3 tags)');
    const after = JSON.parse((await run('instructions', 'show', project, '--json')).out) as {
      classes: Array<{ id: string; name: string }>;
    };
    expect(after.classes.map((c) => [c.id, c.name])).toEqual([[id, 'long scratch']]);

    const again = await run('instructions', 'set', project, renamed);
    expect(again.code).toBe(0);
    expect(again.out).toBe(
      'No changes: the file matches instructions version 2, so no new version was saved',
    );
    const againJson = await run('instructions', 'set', project, renamed, '--json');
    expect(JSON.parse(againJson.out)).toMatchObject({ version: 2, unchanged: true });

    shown.classes[0]!.hotkey = 'd';
    cli.write('renamed.json', shown);
    const clash = await run('instructions', 'set', project, renamed);
    expect(clash.code).toBe(1);
    expect(clash.err.split('\n')).toHaveLength(1);
    expect(clash.err).toBe(
      `concord instructions set: error: The instructions file has problems: class "long scratch": hotkey "d" is the editor's key for "Next item"; choose another (free keys: 1 2 3 4 5 6 7 8 9 e g j k l m o p q r s t w x y z)`,
    );
  });
});

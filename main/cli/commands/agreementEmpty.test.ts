import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMediaPool } from '../../workers/mediaClient';
import type { CliWorld } from '../cliTestKit';
import { cliWorld } from '../cliTestKit';

let cli: CliWorld;
beforeEach(() => {
  cli = cliWorld('concord-cli-empty-');
});
afterEach(() => cli.dispose());
afterAll(() => closeMediaPool());

describe('concord agreement with nothing to compare yet', () => {
  it('prints a valid JSON document with zero items and null figures, and exits 0', async () => {
    const project = await cli.newProject({ file: 'p.concord', name: 'P' });
    expect(await cli.run('agreement', project, '--json')).toBe(0);
    const report = cli.json<Record<string, unknown>>();
    // product.md's field list, all present
    expect(report).toMatchObject({
      round: null,
      iou: 0.5,
      labelers: [],
      items: 0,
      itemsInFullAgreement: 0,
      boxes: {
        f1: null,
        meanIoU: null,
        agreements: 0,
        classConflicts: 0,
        onlyA: 0,
        onlyB: 0,
        perClass: [],
      },
      tags: { cohenKappa: null, krippendorffAlpha: null },
      transcripts: { wer: null, cer: null, boundaryDeviationMs: null },
      pairs: [],
    });
    expect(report.note).toMatch(/^No items were annotated by two or more labelers yet\./);
    expect(cli.err()).toEqual([]);

    expect(await cli.run('agreement', project)).toBe(0);
    expect(cli.out()[0]).toBe('No items were annotated by two or more labelers yet.');
  });
});

describe('the CLI never writes to a file it refuses', () => {
  it('leaves a 0-byte .concord file at 0 bytes', async () => {
    const file = cli.write('empty.concord', '');
    expect(await cli.run('assets', file)).toBe(1);
    expect(cli.err()[0]).toMatch(/empty\.concord is empty \(0 bytes\), not a Concord project/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses a project with zeroed pages before importing into it', async () => {
    const project = await cli.newProject({ file: 'p.concord', name: 'P' });
    const size = fs.statSync(project).size;
    const fd = fs.openSync(project, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const before = fs.readFileSync(project);
    expect(await cli.run('assets', project)).toBe(1);
    expect(cli.err()[0]).toContain(`${project} is damaged (SQLite reports: `);
    expect(cli.err()[0]).toContain('Restore it from a backup; Concord did not change it.');
    expect(fs.readFileSync(project).equals(before)).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInstructionsFile } from '../../cli/instructionsFile';
import { closeMediaPool } from '../../workers/mediaClient';
import { cliOwner } from '../identity/actor';
import { importInstructions } from '../instructions/instructionService';
import { exportAnnotations } from './exportAnnotations';
import { importAnnotations } from './importAnnotations';
import type { Fixture } from './interchangeTestKit';
import { INSTRUCTIONS, makeFixture, snapshot, writeJson } from './interchangeTestKit';

let fx: Fixture;
beforeEach(async () => {
  fx = await makeFixture();
});
afterEach(() => fx.close());
afterAll(() => closeMediaPool());

const items = [{ file: 'c.png', tags: ['ok'], noDefects: true }];
const importFile = (file: string) =>
  importAnnotations(fx.project, {
    actor: cliOwner,
    labelerName: 'ana',
    format: 'concord',
    path: file,
  });

describe('annotation files from a newer Concord or another tool', () => {
  it('refuses a future formatVersion in one line naming the file, and writes nothing', () => {
    const file = writeJson(path.join(fx.dir, 'future.json'), {
      format: 'concord-annotations',
      formatVersion: 7,
      labeler: 'ana',
      items,
    });
    const before = snapshot(fx.project);
    expect(() => importFile(file)).toThrow(
      `${file} is concord-annotations format version 7; this Concord reads version 1. Update Concord.`,
    );
    expect(snapshot(fx.project)).toBe(before);
  });

  it('refuses a foreign format value', () => {
    const file = writeJson(path.join(fx.dir, 'coco.json'), { format: 'coco-something', items });
    expect(() => importFile(file)).toThrow(
      `${file} is not a Concord annotation file: it says "format": "coco-something" (expected "concord-annotations")`,
    );
  });

  it('reads hand-written files without a stamp, and what our exporter writes (stamped)', () => {
    const plain = writeJson(path.join(fx.dir, 'plain.json'), { labeler: 'ana', items });
    expect(importFile(plain).imported).toBe(true);
    const out = path.join(fx.dir, 'export.json');
    exportAnnotations(fx.project, {
      actor: cliOwner,
      format: 'concord',
      labelerName: 'ana',
      path: out,
    });
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ format: 'concord-annotations', formatVersion: 1 });
    expect(importFile(out).unchanged).toBe(1);
  });

  it('warns when the file claims an instructions version the project does not have', () => {
    const file = writeJson(path.join(fx.dir, 'v99.json'), {
      labeler: 'ana',
      instructionsVersion: 99,
      items,
    });
    expect(importFile(file).notes).toEqual([
      'warning: the file says it was made under instructions version 99, but this project has only version 1 (is the file from another project?); its classes and tags were matched by name against the current version 1',
    ]);
  });
});

describe('instructions files from a newer Concord or another tool', () => {
  const spec = (extra: object) => JSON.stringify({ ...INSTRUCTIONS, ...extra });

  it('refuses a future formatVersion and a foreign format, from the CLI naming the file', () => {
    const file = path.join(fx.dir, 'spec99.json');
    fs.writeFileSync(file, spec({ format: 'concord-instructions', formatVersion: 99 }));
    expect(() => readInstructionsFile(file)).toThrow(
      `${file} is concord-instructions format version 99; this Concord reads version 1. Update Concord.`,
    );
    expect(() =>
      importInstructions(fx.project.db, cliOwner, {
        json: spec({ format: 'something-else' }),
        note: 't',
      }),
    ).toThrow(
      /^The instructions file is not a Concord instructions file: it says "format": "something-else"/,
    );
  });

  it('accepts files without a stamp and with the current one', () => {
    const plain = importInstructions(fx.project.db, cliOwner, {
      json: spec({ name: 'Steel v2' }),
      note: 't',
    });
    expect(plain.version).toBe(2);
    const stamped = importInstructions(fx.project.db, cliOwner, {
      json: spec({ name: 'Steel v3', format: 'concord-instructions', formatVersion: 1 }),
      note: 't',
    });
    expect(stamped.version).toBe(3);
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/api/schemas/assets';
import { closeMediaPool } from '../../workers/mediaClient';
import type { World } from './assetTestKit';
import { createWorld, failureFor, FIXTURES, makeBmp, makeWav, solid } from './assetTestKit';
import { getAsset, listAssets } from './assetRepository';

let w: World;
beforeEach(() => {
  w = createWorld();
});
afterEach(() => w.dispose());
afterAll(() => closeMediaPool());

const REPO = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const half = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));
const all = () => listAssets(w.project.db, { offset: 0, limit: 2000 }).items;

/** Noise so that a cut lands inside the image data. */
const noisy = (width = 160, height = 120) => {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  return solid(width, height).composite([{ input: raw, raw: { width, height, channels: 3 } }]);
};

describe('importAssets', () => {
  it('imports every supported format from a folder, recursively, ignoring other files', async () => {
    w.write('in/a.png', await solid(40, 30).png().toBuffer());
    w.write('in/sub/b.jpg', await solid(41, 31).jpeg().toBuffer());
    w.write('in/sub/deeper/c.bmp', makeBmp({ width: 42, height: 32, bpp: 24 }));
    w.write('in/d.tif', await solid(43, 33).tiff().toBuffer());
    w.write('in/e.webp', await solid(44, 34).webp().toBuffer());
    w.write('in/f.wav', makeWav({ sampleRate: 8000, channels: 2, seconds: 0.5 }));
    for (const ext of ['mp3', 'flac', 'ogg'])
      w.write(`in/audio/tone.${ext}`, fixture(`tone.${ext}`));
    w.write('in/notes.txt', 'not media');
    w.write('in/.hidden/x.png', await solid(5, 5).png().toBuffer());
    const progress: Array<[number, number]> = [];
    const result = await w.importPaths(
      [path.join(w.dir, 'in')],
      {},
      { onProgress: (d, t) => progress.push([d, t]) },
    );
    expect(result).toEqual({
      imported: 9,
      duplicates: 0,
      failed: [],
      cancelled: false,
      metadataWarnings: [],
    });
    const byName = Object.fromEntries(all().map((a) => [a.fileName, a]));
    expect(Object.keys(byName).sort()).toEqual([
      'a.png',
      'b.jpg',
      'c.bmp',
      'd.tif',
      'e.webp',
      'f.wav',
      'tone.flac',
      'tone.mp3',
      'tone.ogg',
    ]);
    expect(byName['a.png']).toMatchObject({
      kind: 'image',
      format: 'png',
      width: 40,
      height: 30,
      relPath: '../in/a.png',
      stored: 'reference',
    });
    expect(byName['b.jpg']).toMatchObject({ format: 'jpeg', width: 41, height: 31 });
    expect(byName['c.bmp']).toMatchObject({ format: 'bmp', width: 42, height: 32 });
    expect(byName['d.tif']).toMatchObject({ format: 'tiff', width: 43, height: 33 });
    expect(byName['e.webp']).toMatchObject({ format: 'webp', width: 44, height: 34 });
    expect(byName['f.wav']).toMatchObject({
      kind: 'audio',
      format: 'wav',
      durationSec: 0.5,
      sampleRate: 8000,
      channels: 2,
      width: null,
    });
    expect(byName['tone.flac']).toMatchObject({
      format: 'flac',
      durationSec: 1,
      sampleRate: 16000,
      channels: 1,
    });
    expect(byName['tone.ogg']).toMatchObject({
      format: 'ogg',
      durationSec: 1,
      sampleRate: 16000,
      channels: 1,
    });
    expect(byName['tone.mp3']).toMatchObject({ format: 'mp3', sampleRate: 16000, channels: 1 });
    expect(byName['a.png']!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toEqual([9, 9]);
  });

  it('stores the displayed size of EXIF-rotated JPEGs and the camera from EXIF', async () => {
    const jpg = await solid(60, 20)
      .jpeg()
      .withMetadata({
        orientation: 6, // rotate 90 degrees clockwise to display
        exif: {
          IFD0: { Make: 'Acme', Model: 'Inspector 3' },
          IFD2: { DateTimeOriginal: '2024:05:06 07:08:09' },
        },
      })
      .toBuffer();
    const result = await w.importPaths([w.write('rot.jpg', jpg)]);
    expect(result.imported).toBe(1);
    const [asset] = all();
    expect(asset).toMatchObject({ width: 20, height: 60, orientation: 6 });
    expect(asset!.metadata).toEqual({
      camera: 'Acme Inspector 3',
      capturedAt: '2024-05-06T07:08:09',
    });
    const sources = w.project.db
      .prepare('SELECT key, source FROM asset_metadata ORDER BY key')
      .all();
    expect(sources).toEqual([
      { key: 'camera', source: 'exif' },
      { key: 'capturedAt', source: 'exif' },
    ]);
  });

  it('reports every bad file with its reason and imports the valid ones', async () => {
    const good = w.write('in/good.png', await solid(8, 8).png().toBuffer());
    w.write('in/empty.png', Buffer.alloc(0));
    w.write('in/cut.png', half(await noisy().png().toBuffer()));
    w.write('in/cut.jpg', half(await noisy().jpeg().toBuffer()));
    w.write('in/cut.wav', half(makeWav({ seconds: 1 })));
    w.write('in/header.wav', makeWav({ seconds: 1 }).subarray(0, 30));
    w.write('in/cut.mp3', half(fixture('tone.mp3')));
    w.write('in/cut.flac', half(fixture('tone.flac')));
    w.write('in/cut.ogg', half(fixture('tone.ogg')));
    w.write('in/png-named.jpg', await solid(9, 9).png().toBuffer());
    w.write('in/text.png', 'hello, I am a text file\n');
    w.write('in/rle.bmp', makeBmp({ width: 4, height: 4, bpp: 8, compression: 1 }));
    // A real JPEG whose frame header claims 20000 x 20000 pixels (400 MP).
    const huge = Buffer.from(await solid(16, 16).jpeg().toBuffer());
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(20000, sof + 5);
    huge.writeUInt16BE(20000, sof + 7);
    w.write('in/huge.jpg', huge);
    fs.symlinkSync(path.join(w.dir, 'gone.png'), path.join(w.dir, 'in', 'broken-link.png'));
    const explicitText = w.write('notes.txt', 'x');

    const result = await w.importPaths([
      path.join(w.dir, 'in'),
      explicitText,
      path.join(w.dir, 'nowhere'),
    ]);
    expect(result.imported).toBe(1);
    expect(all().map((a) => a.fileName)).toEqual(['good.png']);
    expect(good).toBeTruthy();
    const reason = (name: string) => failureFor(result, name);
    expect(reason('empty.png')).toBe('empty file (0 bytes)');
    expect(reason('cut.png')).toMatch(/^truncated PNG: /);
    expect(reason('cut.jpg')).toMatch(/^truncated JPEG: /);
    expect(reason('cut.wav')).toMatch(
      /^truncated WAV: the header announces 16000 bytes of audio but only \d+ are present/,
    );
    expect(reason('header.wav')).toMatch(/^truncated WAV: the file ends inside its header/);
    expect(reason('cut.mp3')).toMatch(/^truncated MP3: /);
    expect(reason('cut.flac')).toMatch(/^truncated FLAC: /);
    expect(reason('cut.ogg')).toMatch(/^truncated Ogg: /);
    expect(reason('png-named.jpg')).toBe(
      'wrong extension: the content is a PNG image but the name ends in .jpg; rename it to .png to import it',
    );
    expect(reason('text.png')).toBe(
      'not an image: the content is not a PNG image (it looks like a text file)',
    );
    expect(reason('rle.bmp')).toMatch(/^BMP with RLE8 compression is not supported/);
    expect(reason('huge.jpg')).toMatch(
      /^image is 20000x20000 pixels \(400\.0 MP\), over the limit of 268\.4 MP/,
    );
    expect(reason('broken-link.png')).toMatch(/^cannot read the file: it does not exist/);
    expect(reason('notes.txt')).toMatch(/^unsupported file type \.txt: Concord imports \.png/);
    expect(reason('nowhere')).toBe('not found');
    expect(result.failed).toHaveLength(15);
  });

  it('reports files it has no permission to read, and imports the rest', async () => {
    const locked = w.write('perm/locked.png', await solid(4, 4, '#010101').png().toBuffer());
    w.write('perm/ok.png', await solid(4, 4, '#020202').png().toBuffer());
    fs.chmodSync(locked, 0o000);
    let result: ImportResult;
    if (process.getuid?.() !== 0) {
      result = await w.importPaths([path.join(w.dir, 'perm')]);
    } else {
      // Root reads every file: run the real CLI as an unprivileged user instead.
      if (spawnSync('setpriv', ['--version']).status !== 0)
        return console.warn('setpriv missing: permission case not run');
      w.host.close();
      spawnSync('chown', ['-R', '65534:65534', w.dir]);
      const cli = spawnSync(
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          path.join(REPO, 'bin', 'concord.cjs'),
        ].concat(['import', w.project.path, path.join(w.dir, 'perm'), '--json']),
        {
          env: { ...process.env, CONCORD_DATA_DIR: path.join(w.dir, 'appdata') },
          encoding: 'utf8',
        },
      );
      expect(cli.stderr).toBe('');
      result = JSON.parse(cli.stdout) as ImportResult;
    }
    expect(result.imported).toBe(1);
    expect(failureFor(result, 'locked.png')).toBe('cannot read the file: permission denied');
  });

  it('skips duplicates within a batch and across batches, leaving existing assets untouched', async () => {
    const png = await solid(10, 10, '#123456').png().toBuffer();
    w.write('in/a.png', png);
    w.write('in/sub/same-as-a.png', png);
    const first = await w.importPaths([path.join(w.dir, 'in')]);
    expect(first).toMatchObject({ imported: 1, duplicates: 1 });
    const before = getAsset(w.project.db, all()[0]!.id);
    expect(before.relPath).toBe('../in/a.png'); // the first in scan order is kept

    w.write('in/new.png', await solid(10, 10, '#654321').png().toBuffer());
    w.write('meta.csv', 'file,line\na.png,7\nnew.png,8\n');
    const second = await w.importPaths([path.join(w.dir, 'in')], {
      metadataCsv: path.join(w.dir, 'meta.csv'),
    });
    expect(second).toMatchObject({ imported: 1, duplicates: 2, failed: [] });
    expect(second.metadataWarnings).toEqual([
      'metadata CSV: 1 row(s) not applied because their file was a duplicate or failed (rows 2)',
    ]);
    expect(getAsset(w.project.db, before.id)).toEqual(before);
    expect(all().find((a) => a.fileName === 'new.png')!.metadata).toEqual({ line: '8' });
  });

  it('applies a metadata CSV (CSV wins over EXIF) and reports malformed rows without blocking', async () => {
    const jpg = await solid(8, 8)
      .jpeg()
      .withExif({ IFD0: { Make: 'Acme', Model: 'X1' } })
      .toBuffer();
    w.write('in/line1/a.jpg', jpg);
    w.write('in/line2/b.png', await solid(8, 8, '#010203').png().toBuffer());
    w.write('in/line2/c.png', await solid(8, 8, '#030201').png().toBuffer());
    const csv = [
      'file,factory,line,camera',
      'line1/a.jpg,A,1,cam-csv',
      'b.png,B,2,',
      'c.png,C',
      'missing.png,A,1,x',
      'b.png,Z,9,y',
      ',A,1,x',
    ].join('\n');
    const result = await w.importPaths([path.join(w.dir, 'in')], {
      metadataCsv: w.write('meta.csv', csv),
    });
    expect(result.imported).toBe(3);
    expect(result.metadataWarnings).toEqual([
      'metadata CSV row 4: expected 4 values (file,factory,line,camera) but found 2; row ignored',
      'metadata CSV row 6: "b.png" already appears in row 3; row ignored',
      'metadata CSV row 7: the file cell is empty; row ignored',
      'metadata CSV row 5: no imported file matches "missing.png"',
    ]);
    const meta = Object.fromEntries(all().map((a) => [a.fileName, a.metadata]));
    expect(meta['a.jpg']).toEqual({ factory: 'A', line: '1', camera: 'cam-csv' });
    expect(meta['b.png']).toEqual({ factory: 'B', line: '2' });
    expect(meta['c.png']).toEqual({});
  });

  it('refuses to start, importing nothing, when the CSV is missing, a folder or has no file column', async () => {
    const png = w.write('a.png', await solid(3, 3).png().toBuffer());
    const missing = path.join(w.dir, 'no-such.csv');
    await expect(w.importPaths([png], { metadataCsv: missing })).rejects.toThrow(
      `Metadata CSV ${missing} does not exist; nothing was imported`,
    );
    await expect(w.importPaths([png], { metadataCsv: w.dir })).rejects.toThrow(
      /is a folder, not a CSV file/,
    );
    const noFile = w.write('meta.csv', 'name,line\na.png,1\n');
    await expect(w.importPaths([png], { metadataCsv: noFile })).rejects.toThrow(
      `Metadata CSV ${noFile}: the header row needs a "file" column (found: name, line); nothing was imported`,
    );
    expect(all()).toEqual([]);
    const batches = w.project.db.prepare('SELECT COUNT(*) FROM import_batches').pluck().get();
    expect(batches).toBe(0);
  });

  it('copy mode copies into the data folder under unique names before the rows exist', async () => {
    const x1 = w.write('a/x.png', await solid(6, 6, '#ff0000').png().toBuffer());
    const x2 = w.write('b/x.png', await solid(6, 6, '#00ff00').png().toBuffer());
    w.write('folder/sub/y.wav', makeWav());
    const result = await w.importPaths([x1, x2, path.join(w.dir, 'folder')], { mode: 'copy' });
    expect(result).toMatchObject({ imported: 3, failed: [] });
    const rels = all().map((a) => [a.relPath, a.stored]);
    expect(rels).toEqual([
      ['test.concord-data/assets/folder/sub/y.wav', 'copy'],
      ['test.concord-data/assets/x-2.png', 'copy'],
      ['test.concord-data/assets/x.png', 'copy'],
    ]);
    const copied = (rel: string) => fs.readFileSync(path.join(w.project.dir, rel));
    expect(copied('test.concord-data/assets/x.png').equals(fs.readFileSync(x1))).toBe(true);
    expect(copied('test.concord-data/assets/x-2.png').equals(fs.readFileSync(x2))).toBe(true);
    const leftovers = fs
      .readdirSync(path.join(w.project.dataDir, 'assets'), { recursive: true })
      .map(String);
    expect(leftovers.filter((f) => f.includes('.concord-tmp-'))).toEqual([]);
  });

  it('refuses a referenced file whose content changed since it was imported', async () => {
    const file = w.write('a.png', await solid(4, 4, '#111111').png().toBuffer());
    await w.importPaths([file]);
    fs.writeFileSync(file, await solid(4, 4, '#222222').png().toBuffer());
    const result = await w.importPaths([file]);
    expect(failureFor(result, 'a.png')).toMatch(
      /^a different version of this file is already in the project/,
    );
    expect(all()).toHaveLength(1);
  });

  it('cancels promptly, keeps what was imported and records the batch as cancelled', async () => {
    for (let i = 0; i < 300; i++) {
      const colour = `#${(i * 4099 + 1).toString(16).padStart(6, '0').slice(-6)}`;
      w.write(`many/${String(i).padStart(3, '0')}.png`, await solid(8, 8, colour).png().toBuffer());
    }
    const controller = new AbortController();
    const result = await w.importPaths(
      [path.join(w.dir, 'many')],
      {},
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 50) controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ cancelled: true, imported: 50, duplicates: 0, failed: [] });
    expect(all()).toHaveLength(50);
    const batch = w.project.db
      .prepare('SELECT status, imported, finished_at AS finishedAt FROM import_batches')
      .get();
    expect(batch).toMatchObject({ status: 'cancelled', imported: 50 });
  });

  it('records each batch with its counts and failures', async () => {
    await w.importPaths([
      w.write('a.png', await solid(3, 3).png().toBuffer()),
      w.write('b.png', ''),
    ]);
    const batch = w.project.db.prepare('SELECT * FROM import_batches').get() as Record<
      string,
      unknown
    >;
    expect(batch).toMatchObject({ mode: 'reference', imported: 1, duplicates: 0, status: 'done' });
    expect(JSON.parse(batch.failures_json as string)).toEqual([
      { path: path.join(w.dir, 'b.png'), error: 'empty file (0 bytes)' },
    ]);
    expect(
      w.project.db
        .prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'import.owner.%'")
        .get(),
    ).toEqual({ n: 0 });
  });
});

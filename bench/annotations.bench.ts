// `npm run bench -- annotations [BOXES] [ASSETS]`: the autosave path of the box editor over
// the real dispatcher (zod validation included), as a labeler edits one box per save on an
// image with BOXES boxes (default 5,000); then rebuilding 50 revisions for undo-after-restart,
// and the work queue over ASSETS assets (default 10,000). Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnnotationDoc, Box } from '../shared/api/schemas/annotationDoc';
import { createServices } from '../main/services/appServices';
import { dispatch } from '../main/transport/dispatch';

const BOXES = Number(process.argv[2] ?? 5000);
const ASSETS = Number(process.argv[3] ?? 10_000);
const SAVES = 60;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-ann-'));
  const services = createServices({ appDataDir: path.join(dir, 'appdata'), transport: 'http' });
  const { db } = services.host.create(path.join(dir, 'bench.concord'), 'Bench');
  const insert = db.prepare(
    `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
     VALUES ('image', ?, ?, 'reference', 'png', 1, ?, 8000, 6000, '2024-01-01')`,
  );
  db.transaction(() => {
    for (let i = 0; i < ASSETS; i++)
      insert.run(`img/${String(i).padStart(6, '0')}.png`, `${i}.png`, `h${i}`);
  })();
  const ctx = { sessionKey: 'bench-session', transport: 'http' as const };
  const call = async (channel: string, input: unknown) => {
    const env = await dispatch(services.handlers, channel, input, ctx);
    if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
    return env.value;
  };
  await call('profiles:create', { name: 'Lead', role: 'lead', secret: 'benchmark' });
  const v1 = (await call('instructions:current', {})) as { spec: { classes: unknown[] } };
  await call('instructions:save', {
    spec: {
      ...v1.spec,
      classes: [
        {
          id: 'cls_a',
          name: 'a',
          color: '#e6194b',
          hotkey: '1',
          description: '',
          attributes: [],
          examples: [],
        },
      ],
    },
    note: '',
    baseVersion: 1,
  });

  const boxes: Box[] = Array.from({ length: BOXES }, (_, i) => ({
    id: `b${i}`,
    classId: 'cls_a',
    x: (i % 100) * 79,
    y: Math.floor(i / 100) * 59,
    w: 40,
    h: 30,
    attributes: {},
    uncertain: false,
    source: null,
  }));
  const doc = (): AnnotationDoc => ({
    boxes: [...boxes],
    tags: [],
    noDefects: false,
    uncertain: false,
    segments: [],
  });
  const times: number[] = [];
  let revision = 0;
  for (let i = 0; i < SAVES; i++) {
    const k = (i * 37) % BOXES;
    boxes[k] = { ...boxes[k]!, x: boxes[k]!.x + 1 };
    // What the HTTP transport does: the editor's JSON body is parsed, then dispatched.
    const body = JSON.stringify({ assetId: 1, doc: doc(), baseRevision: revision });
    const started = performance.now();
    const saved = (await call('annotations:save', JSON.parse(body))) as { revision: number };
    times.push(performance.now() - started);
    revision = saved.revision;
  }
  times.sort((a, b) => a - b);
  const logBytes = db
    .prepare('SELECT SUM(length(doc_json)) FROM annotation_revisions')
    .pluck()
    .get() as number;
  console.log(
    `autosave of ${BOXES.toLocaleString('en-US')} boxes (parse + validate + diff + write), ${SAVES} saves:`,
  );
  console.log(
    `  p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  console.log(
    `  revision log: ${(logBytes / 1024).toFixed(0)} KiB for ${SAVES} revisions (one document is ${(JSON.stringify(doc()).length / 1024).toFixed(0)} KiB)`,
  );

  let started = performance.now();
  await call('annotations:history', { assetId: 1, limit: 50, withDocs: true });
  console.log(`history with 50 rebuilt documents: ${(performance.now() - started).toFixed(1)} ms`);

  started = performance.now();
  const page = (await call('work:queue', { status: ['unlabeled', 'working'], limit: 200 })) as {
    total: number;
  };
  console.log(
    `work queue over ${ASSETS.toLocaleString('en-US')} assets (counts + first 200): ${(performance.now() - started).toFixed(1)} ms, total ${page.total}`,
  );

  services.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();

// `npm run bench -- rounds [ITEMS]`: the agreement *service* over a real project file — a round
// of ITEMS (default 10,000) images labeled by 2 labelers with 20 boxes each — so the figures
// include reading the annotations from SQLite, the blindness checks and the report (the pure
// math alone is `npm run bench -- agreement`). Also times drawing a stratified 10% sample.
// Figures only; nothing here passes or fails on time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnnotationDoc } from '../shared/api/schemas/annotationDoc';
import { mulberry32 } from '../shared/domain/agreement/rng';
import { loadAgreementData } from '../main/services/agreement/agreementData';
import { agreementItems, agreementView } from '../main/services/agreement/agreementService';
import { createServices } from '../main/services/appServices';
import type { Actor } from '../main/services/identity/actor';
import { createRound, previewRound } from '../main/services/rounds/roundService';
import { saveInstructions } from '../main/services/instructions/instructionService';
import { currentVersion } from '../main/services/instructions/instructionRepository';

const ITEMS = Number(process.argv[2] ?? 10_000);
const BOXES = 20;
const RUNS = 4;

/** Runs `fn` RUNS times; prints the first run (cold caches) and the median of the rest. */
function time<T>(label: string, fn: () => T): T {
  let out: T | undefined;
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = fn();
    ms.push(performance.now() - t);
  }
  const [first, ...rest] = ms;
  rest.sort((x, y) => x - y);
  const median = rest[Math.floor(rest.length / 2)]!;
  console.log(
    `${label.padEnd(62)} first ${first!.toFixed(0).padStart(5)} ms   then ${median.toFixed(0).padStart(5)} ms`,
  );
  return out!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-rounds-'));
const services = createServices({ appDataDir: path.join(dir, 'appdata'), transport: 'cli' });
try {
  const { db } = services.host.create(path.join(dir, 'bench.concord'), 'Bench');
  const now = new Date().toISOString();
  const profile = db.prepare(
    'INSERT INTO profiles (name, name_key, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const leadId = Number(profile.run('Lead', 'lead', 'lead', 'x', now).lastInsertRowid);
  // Round labelers need a PIN (any hash will do: nobody signs in here).
  const ana = Number(profile.run('ana', 'ana', 'labeler', 'x', now).lastInsertRowid);
  const ben = Number(profile.run('ben', 'ben', 'labeler', 'x', now).lastInsertRowid);
  const lead: Actor = { id: leadId, name: 'Lead', role: 'lead' };
  const classes = Array.from({ length: 20 }, (_x, k) => ({
    id: `cls_${k}`,
    name: `class ${k}`,
    color: '#e6194b',
    hotkey: null,
    description: '',
    attributes: [],
    examples: [],
  }));
  const cur = currentVersion(db);
  saveInstructions(db, lead, {
    spec: { ...cur.spec, classes },
    note: 'bench',
    baseVersion: cur.version,
  });

  const rng = mulberry32(7);
  db.transaction(() => {
    const asset = db.prepare(
      `INSERT INTO assets (kind, rel_path, file_name, stored, format, bytes, sha256, width, height, imported_at)
       VALUES ('image', ?, ?, 'reference', 'png', 1, ?, 1920, 1080, ?)`,
    );
    const meta = db.prepare(
      "INSERT INTO asset_metadata (asset_id, key, value, source) VALUES (?, 'line', ?, 'csv')",
    );
    for (let i = 0; i < ITEMS; i++) {
      const id = Number(asset.run(`img/${i}.png`, `${i}.png`, `sha${i}`, now).lastInsertRowid);
      meta.run(id, `line${i % 7}`);
    }
  })();
  let t = performance.now();
  const round = createRound(db, lead, {
    labelerIds: [ana, ben],
    size: { count: ITEMS },
    stratify: { by: 'none' },
    seed: 1,
    showSuggestions: false,
  });
  console.log(
    `${'create a round of every asset'.padEnd(58)}        ${(performance.now() - t).toFixed(0)} ms`,
  );
  const insert = db.prepare(
    `INSERT INTO annotations (asset_id, labeler_id, round_id, status, revision, instructions_version, doc_json, box_count, created_at, updated_at)
     VALUES (?, ?, ?, 'submitted', 1, 2, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let a = 1; a <= ITEMS; a++) {
      const boxes = Array.from({ length: BOXES }, (_x, k) => ({
        id: `b${k}`,
        classId: `cls_${Math.floor(rng() * 20)}`,
        x: (k % 5) * 380 + rng() * 20,
        y: Math.floor(k / 5) * 260 + rng() * 20,
        w: 200,
        h: 150,
        attributes: {},
        uncertain: false,
        source: null,
      }));
      const jitter = boxes.map((b) => ({
        ...b,
        x: b.x + rng() * 8,
        classId: rng() < 0.1 ? 'cls_0' : b.classId,
      }));
      for (const [who, bs] of [
        [ana, boxes],
        [ben, jitter],
      ] as const) {
        const doc: AnnotationDoc = {
          boxes: bs,
          tags: ['tag_defective'],
          noDefects: false,
          uncertain: false,
          segments: [],
        };
        insert.run(a, who, round.id, JSON.stringify(doc), BOXES, now, now);
      }
    }
  })();
  console.log(`${ITEMS} items x 2 labelers x ${BOXES} boxes in round ${round.name}`);
  t = performance.now();
  const raw = time(
    '  (select doc_json of the round)',
    () =>
      db
        .prepare('SELECT doc_json FROM annotations WHERE round_id = ?')
        .pluck()
        .all(round.id) as string[],
  );
  time('  (JSON.parse of those documents)', () => raw.map((j) => JSON.parse(j) as unknown));
  time('load + blindness-check the annotations only', () =>
    loadAgreementData(db, lead, { roundId: round.id }),
  );
  time('agreement:report (from SQLite, 1000 bootstrap resamples)', () =>
    agreementView(db, lead, { roundId: round.id, iou: 0.5 }),
  );
  time('agreement:report (from SQLite, no bootstrap)', () =>
    agreementView(db, lead, { roundId: round.id, iou: 0.5, bootstrapSamples: 0 }),
  );
  time('agreement:items (class conflicts, first 500)', () =>
    agreementItems(db, lead, {
      roundId: round.id,
      iou: 0.5,
      filter: { kind: 'conflict' },
      limit: 500,
    }),
  );
  time('agreement without a round (latest per person, blindness SQL)', () =>
    agreementView(db, lead, { iou: 0.5, bootstrapSamples: 0 }),
  );
  time('rounds:preview, 10% stratified by line', () =>
    previewRound(db, lead, {
      size: { fraction: 0.1 },
      stratify: { by: 'metadata', field: 'line' },
      seed: 3,
    }),
  );
  time('rounds:preview, 10% stratified by existing class', () =>
    previewRound(db, lead, {
      size: { fraction: 0.1 },
      stratify: { by: 'class', source: 'any' },
      seed: 3,
    }),
  );
} finally {
  services.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}

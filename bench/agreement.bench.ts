// `npm run bench -- agreement [ITEMS]`: agreement over ITEMS (default 10,000) items x 2 labelers
// x 20 boxes, generated from a fixed seed. Budget (product.md): < 1 s. Prints ms for: box
// matching only, the full report without bootstrap, and with 1000 bootstrap resamples; then
// a crowded variant (overlapping boxes, so the Hungarian solver does real work), three labelers,
// and transcripts. Figures only; nothing here passes or fails on time.
import type { AnnotationDoc, Box } from '../shared/api/schemas/annotationDoc';
import type { TranscriptRules } from '../shared/api/schemas/instructionSpec';
import { compareItemBoxes } from '../shared/domain/agreement/boxAgreement';
import { computeAgreement, type LabelerDocs } from '../shared/domain/agreement/report';
import { mulberry32, type Rng } from '../shared/domain/agreement/rng';

const ITEMS = Number(process.argv[2] ?? 10_000);
const BOXES = 20;
const CLASSES = 20;
const RUNS = 5;
const classIds = Array.from({ length: CLASSES }, (_x, k) => `class${k}`);
const classNames = Object.fromEntries(classIds.map((id, k) => [id, `Class ${k}`]));
const tagIds = ['ok', 'defective', 'uncertain'];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

function makeBox(id: string, classId: string, x: number, y: number, w: number, h: number): Box {
  return { id, classId, x, y, w, h, attributes: {}, uncertain: false, source: null };
}

function doc(boxes: Box[], tags: string[]): AnnotationDoc {
  return { boxes, tags, noDefects: tags[0] === 'ok', uncertain: false, segments: [] };
}

/**
 * Labeler A draws BOXES boxes on a 1920x1080 image; labeler B redraws them with a few pixels
 * of jitter, picks another class 10% of the time, misses 5% and adds as many of their own.
 * `crowded` packs every box into a 300x300 area so most boxes overlap several others.
 */
function generate(seed: number, items: number, labelers: number, crowded: boolean): LabelerDocs {
  const rng = mulberry32(seed);
  const docs = Array.from({ length: labelers }, () => new Map<string, AnnotationDoc>());
  const size = crowded ? 300 : 1920;
  for (let i = 0; i < items; i++) {
    const key = `item${i}`;
    const truth = Array.from({ length: BOXES }, () => {
      const w = 20 + rng() * (crowded ? 120 : 200);
      const h = 20 + rng() * (crowded ? 120 : 200);
      return {
        classId: pick(rng, classIds),
        x: rng() * (size - w),
        y: rng() * (Math.min(size, 1080) - h),
        w,
        h,
      };
    });
    const tag = pick(rng, tagIds);
    docs.forEach((m, l) => {
      const boxes: Box[] = [];
      truth.forEach((t, k) => {
        if (l > 0 && rng() < 0.05) {
          const w = 20 + rng() * 200;
          const h = 20 + rng() * 200;
          boxes.push(
            makeBox(
              `${l}-${k}x`,
              pick(rng, classIds),
              rng() * (size - w),
              rng() * (Math.min(size, 1080) - h),
              w,
              h,
            ),
          );
          return;
        }
        const j = () => (l > 0 ? (rng() - 0.5) * 8 : 0);
        const classId = l > 0 && rng() < 0.1 ? pick(rng, classIds) : t.classId;
        boxes.push(makeBox(`${l}-${k}`, classId, t.x + j(), t.y + j(), t.w + j(), t.h + j()));
      });
      m.set(key, doc(boxes, [l > 0 && rng() < 0.15 ? pick(rng, tagIds) : tag]));
    });
  }
  return new Map(docs.map((m, l) => [`labeler${l}`, m]));
}

function time(label: string, fn: () => unknown): void {
  fn(); // warm-up (JIT)
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(1).padStart(8)} ms   min ${ms[0]!.toFixed(1).padStart(8)} ms`,
  );
}

function boxesOnly(docs: LabelerDocs, items: string[]): number {
  const a = docs.get('labeler0')!;
  const b = docs.get('labeler1')!;
  let agreements = 0;
  for (const key of items)
    agreements += compareItemBoxes(a.get(key)!.boxes, b.get(key)!.boxes, 0.5).agreements;
  return agreements;
}

function transcriptDocs(clips: number, segments: number): LabelerDocs {
  const rng = mulberry32(9);
  const vocab =
    'the press line two stopped at noon because a sensor on the left roller reported heat'.split(
      ' ',
    );
  const a = new Map<string, AnnotationDoc>();
  const b = new Map<string, AnnotationDoc>();
  for (let c = 0; c < clips; c++) {
    const segsA = [];
    const segsB = [];
    for (let s = 0; s < segments; s++) {
      const words = Array.from({ length: 8 + Math.floor(rng() * 8) }, () => pick(rng, vocab));
      const other = words
        .map((w) => (rng() < 0.08 ? pick(rng, vocab) : w))
        .filter(() => rng() > 0.03);
      segsA.push({ id: `a${s}`, start: s * 4, end: s * 4 + 3.5, text: words.join(' ') });
      segsB.push({
        id: `b${s}`,
        start: s * 4 + (rng() - 0.5) * 0.3,
        end: s * 4 + 3.5 + (rng() - 0.5) * 0.3,
        text: other.join(' '),
      });
    }
    a.set(`clip${c}`, { boxes: [], tags: [], noDefects: false, uncertain: false, segments: segsA });
    b.set(`clip${c}`, { boxes: [], tags: [], noDefects: false, uncertain: false, segments: segsB });
  }
  return new Map([
    ['labeler0', a],
    ['labeler1', b],
  ]);
}

const rules: TranscriptRules = {
  lowercase: true,
  stripPunctuation: true,
  fillers: ['um', 'uh'],
  dropFillers: true,
  numbers: 'digits',
  notes: '',
};

const items = Array.from({ length: ITEMS }, (_x, i) => `item${i}`);
const two = ['labeler0', 'labeler1'];
console.log(
  `${ITEMS} items x 2 labelers x ${BOXES} boxes, ${CLASSES} classes (Node ${process.version})`,
);
const sparse = generate(1, ITEMS, 2, false);
time('boxes only (matching + counts per item)', () => boxesOnly(sparse, items));
time('full report, no bootstrap', () =>
  computeAgreement({
    labelers: two,
    items,
    docs: sparse,
    classNames,
    noDefectsTagId: 'ok',
    bootstrap: { samples: 0, seed: 1 },
  }),
);
time('full report + 1000 bootstrap resamples', () =>
  computeAgreement({
    labelers: two,
    items,
    docs: sparse,
    classNames,
    noDefectsTagId: 'ok',
    bootstrap: { samples: 1000, seed: 1 },
  }),
);
const report = computeAgreement({
  labelers: two,
  items,
  docs: sparse,
  classNames,
  noDefectsTagId: 'ok',
});
console.log(
  `  -> F1 ${report.boxes.f1?.toFixed(3)} [${report.boxes.f1Ci95?.map((x) => x.toFixed(3)).join(', ')}], ` +
    `kappa ${report.tags.cohenKappa?.toFixed(3)}, JSON ${(JSON.stringify(report).length / 1e6).toFixed(1)} MB`,
);

const crowded = generate(2, ITEMS, 2, true);
time('crowded boxes only (overlapping, Hungarian on components)', () => boxesOnly(crowded, items));
time('crowded full report + 1000 bootstrap resamples', () =>
  computeAgreement({
    labelers: two,
    items,
    docs: crowded,
    classNames,
    bootstrap: { samples: 1000, seed: 1 },
  }),
);

const three = generate(3, ITEMS, 3, false);
time('3 labelers (3 pairs), full report + 1000 bootstrap', () =>
  computeAgreement({
    labelers: ['labeler0', 'labeler1', 'labeler2'],
    items,
    docs: three,
    classNames,
    bootstrap: { samples: 1000, seed: 1 },
  }),
);

const clips = transcriptDocs(1000, 20);
time('transcripts: 1000 clips x 20 segments (~230 words each)', () =>
  computeAgreement({
    labelers: two,
    items: [...clips.get('labeler0')!.keys()],
    docs: clips,
    transcriptRules: rules,
    bootstrap: { samples: 0, seed: 1 },
  }),
);
const hour = transcriptDocs(1, 900); // one hour: 900 segments of 4 s, ~10,000 words
time('transcripts: one 1-hour recording (~10k words, ~55k chars)', () =>
  computeAgreement({
    labelers: two,
    items: ['clip0'],
    docs: hour,
    transcriptRules: rules,
    bootstrap: { samples: 0, seed: 1 },
  }),
);

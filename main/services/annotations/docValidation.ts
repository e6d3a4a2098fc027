import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc, Box, Segment } from '../../../shared/api/schemas/annotationDoc';
import type { InstructionSpec } from '../../../shared/api/schemas/instructionSpec';
import { normalizeVerdict, saysNoDefects } from '../../../shared/domain/verdict';

export interface AssetShape {
  id: number;
  relPath: string;
  kind: 'image' | 'audio';
  width: number | null;
  height: number | null;
  durationSec: number | null;
}

/** Smallest box side kept, in displayed pixels: anything thinner is a stray click. */
const MIN_SIDE = 0.5;
/** Audio segments may overshoot the end by float noise. */
const TIME_TOLERANCE = 0.05;
const MAX_LISTED = 3;

const round = (n: number) => Math.round(n * 100) / 100;

function fail(asset: AssetShape, problems: string[]): never {
  const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : '';
  throw new AppError(
    'INVALID_INPUT',
    `Cannot save ${asset.relPath}: ${problems.slice(0, MAX_LISTED).join('; ')}${more}`,
  );
}

/**
 * Checks a document against the asset and the instructions before it is stored, and
 * returns it normalised: boxes partly outside the image are clipped to it (the editor
 * clamps too; this absorbs float overshoot), duplicate tags dropped. Boxes entirely
 * outside, unknown classes or tags, and boxes on audio are refused with what to fix.
 */
export function validateDoc(
  doc: AnnotationDoc,
  asset: AssetShape,
  spec: InstructionSpec,
  instructionsVersion: number,
): { doc: AnnotationDoc; clipped: number } {
  const problems: string[] = [];
  const classIds = new Set(spec.classes.map((c) => c.id));
  const tagIds = new Set(spec.tags.map((t) => t.id));
  const seenIds = new Set<string>();
  let clipped = 0;
  const boxes: Box[] = [];

  if (asset.kind === 'audio' && doc.boxes.length > 0) {
    problems.push(`it is audio, so it cannot have boxes (got ${doc.boxes.length})`);
  }
  const W = asset.width ?? 0;
  const H = asset.height ?? 0;
  if (asset.kind === 'image') {
    doc.boxes.forEach((b, i) => {
      const label = `box ${i + 1} (${b.id})`;
      if (seenIds.has(b.id)) problems.push(`${label}: id is used twice`);
      seenIds.add(b.id);
      if (!classIds.has(b.classId)) {
        problems.push(
          `${label}: its class is not in instructions version ${instructionsVersion} (reload the instructions)`,
        );
      }
      const x0 = Math.max(0, b.x);
      const y0 = Math.max(0, b.y);
      const x1 = Math.min(W, b.x + b.w);
      const y1 = Math.min(H, b.y + b.h);
      if (x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE) {
        const where = `x=${round(b.x)} y=${round(b.y)} w=${round(b.w)} h=${round(b.h)}`;
        problems.push(
          b.w < MIN_SIDE || b.h < MIN_SIDE
            ? `${label} at ${where} has no area`
            : `${label} at ${where} lies outside the ${W}x${H} image`,
        );
        return;
      }
      if (x0 !== b.x || y0 !== b.y || x1 - x0 !== b.w || y1 - y0 !== b.h) {
        clipped++;
        boxes.push({ ...b, x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
      } else boxes.push(b);
    });
  }

  const segments: Segment[] = [];
  if (asset.kind === 'image' && doc.segments.length > 0) {
    problems.push(
      `it is an image, so it cannot have transcript segments (got ${doc.segments.length})`,
    );
  }
  if (asset.kind === 'audio') {
    const duration = asset.durationSec ?? Number.POSITIVE_INFINITY;
    doc.segments.forEach((s, i) => {
      const label = `segment ${i + 1} (${s.id})`;
      if (s.end <= s.start)
        problems.push(`${label}: ends (${s.end}s) before it starts (${s.start}s)`);
      else if (s.start >= duration)
        problems.push(
          `${label}: starts at ${s.start}s, after the end of the ${round(duration)}s audio`,
        );
      else if (s.end > duration + TIME_TOLERANCE)
        problems.push(
          `${label}: ends at ${s.end}s, after the end of the ${round(duration)}s audio`,
        );
      else segments.push(s.end > duration ? { ...s, end: duration } : s);
    });
  }

  // Flag and no-defects tag are one verdict: whichever of the two was set, store both.
  const verdict = normalizeVerdict(
    { tags: [...new Set(doc.tags)], noDefects: doc.noDefects },
    spec,
  );
  const tags = verdict.tags;
  for (const t of tags) {
    if (!tagIds.has(t))
      problems.push(
        `an item tag is not in instructions version ${instructionsVersion} (reload the instructions)`,
      );
  }
  if (problems.length) fail(asset, problems);
  return { doc: { ...doc, boxes, tags, noDefects: verdict.noDefects, segments }, clipped };
}

/** Whether an item says something: boxes, a "no defects" verdict, tags or segments. */
export function submitProblem(doc: AnnotationDoc, spec: InstructionSpec): string | null {
  const noDefects = saysNoDefects(doc, spec);
  if (noDefects && doc.boxes.length > 0) {
    return `it says "no defects" but has ${doc.boxes.length} box(es): remove the boxes or clear the verdict`;
  }
  if (doc.boxes.length === 0 && !noDefects && doc.tags.length === 0 && doc.segments.length === 0) {
    return "it is empty: say 'no defects' or draw boxes";
  }
  return null;
}

import { AppError } from '../../../shared/api/envelope';
import type { AnnotationDoc, Box, Segment } from '../../../shared/api/schemas/annotationDoc';
import type {
  AttributeDef,
  ClassDef,
  InstructionSpec,
} from '../../../shared/api/schemas/instructionSpec';
import { normalizeVerdict, noDefectsTagId, saysNoDefects } from '../../../shared/domain/verdict';

/*
 * The document rules shared by every writer: the annotation service (editor autosave, the
 * HTTP API) and `annotations import` both call the functions below, so what one stores the
 * other accepts, and both explain a refusal the same way.
 */

const attrKey = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** The class's definition of attribute `name` (matched ignoring case), if any. */
export function findAttribute(cls: ClassDef, name: string): AttributeDef | undefined {
  return cls.attributes.find((a) => attrKey(a.name) === attrKey(name));
}

const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

/**
 * Checks one attribute value against its definition. "true"/"false" text counts as a
 * boolean (CSV-like tools write them so). The message names the attribute and the class.
 */
export function checkAttributeValue(
  def: AttributeDef,
  value: unknown,
  className: string,
): { ok: true; value: string | boolean } | { ok: false; message: string } {
  const what = `attribute "${def.name}" of class "${className}"`;
  if (def.type === 'boolean') {
    if (typeof value === 'boolean') return { ok: true, value };
    if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
    return { ok: false, message: `${what} expects true or false (got ${shown(value)})` };
  }
  if (typeof value !== 'string') {
    const expects = def.type === 'enum' ? `one of ${def.options.join(', ')}` : 'text';
    return { ok: false, message: `${what} expects ${expects} (got ${shown(value)})` };
  }
  if (def.type === 'enum' && !def.options.includes(value)) {
    return {
      ok: false,
      message: `${what} must be one of ${def.options.join(', ')} (got "${value}")`,
    };
  }
  return { ok: true, value };
}

/**
 * The verdict rules: "no defects" excludes boxes, and the no-defects tag stands alone (an
 * item cannot be both "ok" and "defective"; unsure labelers use the item's uncertain flag).
 * `tags` are tag ids, already normalised with the flag (normalizeVerdict).
 */
export function verdictProblems(
  noDefects: boolean,
  tags: readonly string[],
  boxCount: number,
  spec: InstructionSpec,
): string[] {
  const problems: string[] = [];
  if (noDefects && boxCount > 0) {
    problems.push(
      `it says "no defects" but has ${boxCount} box(es): remove the boxes or clear the verdict`,
    );
  }
  const okId = noDefectsTagId(spec);
  if (okId !== null && tags.includes(okId) && tags.length > 1) {
    const name = (id: string) => `"${spec.tags.find((t) => t.id === id)?.name ?? id}"`;
    const others = tags.filter((t) => t !== okId).map(name);
    problems.push(
      `tags ${name(okId)} and ${others.join(', ')} contradict each other: ${name(okId)} says the item has no defects, so it stands alone (keep one; mark doubt with the item's "uncertain" flag)`,
    );
  }
  return problems;
}

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
  const classes = new Map(spec.classes.map((c) => [c.id, c]));
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
      const cls = classes.get(b.classId);
      if (!cls) {
        problems.push(
          `${label}: its class is not in instructions version ${instructionsVersion} (class id "${b.classId}"; reload the instructions)`,
        );
      } else {
        for (const [name, value] of Object.entries(b.attributes)) {
          // Attributes the class does not define are kept (a renamed attribute's old value
          // stays readable); the ones it defines must fit the definition.
          const def = findAttribute(cls, name);
          const checked = def ? checkAttributeValue(def, value, cls.name) : null;
          if (checked && !checked.ok) problems.push(`${label}: ${checked.message}`);
        }
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
  const unknownTags = tags.filter((t) => !tagIds.has(t));
  if (unknownTags.length > 0) {
    const known = spec.tags.map((t) => `${t.id} (${t.name})`).join(', ') || 'none';
    problems.push(
      `item tag(s) ${unknownTags.map((t) => `"${t}"`).join(', ')} not in instructions version ${instructionsVersion} (known tags: ${known}; reload the instructions)`,
    );
  }
  const knownTags = tags.filter((t) => tagIds.has(t));
  problems.push(...verdictProblems(verdict.noDefects, knownTags, doc.boxes.length, spec));
  if (problems.length) fail(asset, problems);
  return { doc: { ...doc, boxes, tags, noDefects: verdict.noDefects, segments }, clipped };
}

/** Whether an item says something: boxes, a "no defects" verdict, tags or segments. */
export function submitProblem(doc: AnnotationDoc, spec: InstructionSpec): string | null {
  const noDefects = saysNoDefects(doc, spec);
  const verdict = normalizeVerdict(doc, spec);
  const contradiction = verdictProblems(noDefects, verdict.tags, doc.boxes.length, spec)[0];
  if (contradiction) return contradiction;
  if (doc.boxes.length === 0 && !noDefects && doc.tags.length === 0 && doc.segments.length === 0) {
    return "it is empty: say 'no defects' or draw boxes";
  }
  return null;
}

import type { Box, Segment } from '../../../shared/api/schemas/annotationDoc';
import type {
  ClassDef,
  InstructionSpec,
  TagDef,
} from '../../../shared/api/schemas/instructionSpec';
import type {
  InterchangeAttributeValue as AttributeValue,
  InterchangeItem,
  InterchangeProblem,
} from '../../../shared/domain/formats/interchange';
import { normalizeVerdict } from '../../../shared/domain/verdict';
import { checkAttributeValue, findAttribute, verdictProblems } from '../annotations/docValidation';
import type { MatchableAsset } from './assetMatcher';

/** Boxes may overshoot the image by this much (rounding in other tools) and are clamped. */
export const BOUNDS_TOLERANCE_PX = 0.5;
/** The smallest box side kept (matches the annotation service's own rule). */
const MIN_SIDE_PX = 0.5;
/** Audio segments may overshoot the end by float noise. */
const TIME_TOLERANCE_S = 0.05;

/** An annotation document before box and segment ids are assigned. */
export interface CheckedDoc {
  boxes: Array<Omit<Box, 'id'>>;
  tags: string[];
  noDefects: boolean;
  uncertain: boolean;
  segments: Array<Omit<Segment, 'id'>>;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);
const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Looks up class and tag names of one instruction version (names are unique ignoring case). */
export class SpecNames {
  private readonly classes = new Map<string, ClassDef>();
  private readonly tags = new Map<string, TagDef>();

  constructor(
    readonly spec: InstructionSpec,
    readonly version: number,
  ) {
    for (const c of spec.classes) this.classes.set(norm(c.name), c);
    for (const t of spec.tags) this.tags.set(norm(t.name), t);
  }

  classByName(name: string): ClassDef | undefined {
    return this.classes.get(norm(name));
  }

  tagByName(name: string): TagDef | undefined {
    return this.tags.get(norm(name));
  }

  unknownClass(name: string): string {
    const known = this.spec.classes.map((c) => c.name);
    const list = known.length
      ? `known classes: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', ...' : ''}`
      : 'they define no classes yet';
    return `class "${name}" is not in the instructions (version ${this.version}; ${list})`;
  }

  unknownTag(name: string): string {
    const known = this.spec.tags.map((t) => t.name).join(', ') || 'none';
    return `tag "${name}" is not in the instructions (version ${this.version}; known tags: ${known})`;
  }
}

export interface CheckContext {
  names: SpecNames;
  /** Attribute names the instructions do not define, with how many boxes carried them. */
  droppedAttributes: Map<string, number>;
}

/**
 * Checks one imported item against its asset and the instructions, and converts it to an
 * annotation document (class and tag ids, clamped boxes). Every problem is returned, none
 * thrown: the import lists them all and writes nothing.
 */
export function checkItem(
  item: InterchangeItem,
  index: number,
  asset: MatchableAsset,
  ctx: CheckContext,
): { doc: CheckedDoc; problems: InterchangeProblem[] } {
  const problems: InterchangeProblem[] = [];
  const itemRef = item.ref ?? `items[${index}]`;
  const at = (where: string, message: string, box?: number) =>
    problems.push({
      where,
      message,
      file: item.file,
      item: index,
      ...(box !== undefined ? { box } : {}),
    });
  const doc: CheckedDoc = {
    boxes: [],
    tags: [],
    noDefects: item.noDefects,
    uncertain: item.uncertain,
    segments: [],
  };
  const W = asset.width ?? 0;
  const H = asset.height ?? 0;

  if (asset.kind === 'audio' && item.boxes.length > 0) {
    at(itemRef, `${asset.relPath} is audio, so it cannot have boxes (got ${item.boxes.length})`);
  }
  if (asset.kind === 'image' && item.segments.length > 0) {
    at(
      itemRef,
      `${asset.relPath} is an image, so it cannot have transcript segments (got ${item.segments.length})`,
    );
  }
  if (asset.kind === 'image' && item.width !== undefined && item.height !== undefined) {
    if (
      Math.abs(item.width - W) > BOUNDS_TOLERANCE_PX ||
      Math.abs(item.height - H) > BOUNDS_TOLERANCE_PX
    ) {
      const rotated = item.width === H && item.height === W && (asset.orientation ?? 1) >= 5;
      const hint = rotated ? ' (the other tool ignored its EXIF orientation)' : '';
      at(
        itemRef,
        `the file says the image is ${item.width}x${item.height} but ${asset.relPath} is displayed at ${W}x${H}${hint}`,
      );
    }
  }
  if (asset.kind === 'image' && item.boxes.length > 0 && !(W > 0 && H > 0)) {
    at(itemRef, `the size of ${asset.relPath} is unknown, so its boxes cannot be checked`);
  }

  item.boxes.forEach((b, k) => {
    if (asset.kind !== 'image') return;
    const where = b.ref ?? `${itemRef}.boxes[${k}]`;
    const box = (message: string) => at(where, message, k);
    const pos = `x=${fmt(b.x)} y=${fmt(b.y)} w=${fmt(b.w)} h=${fmt(b.h)}`;
    const cls = ctx.names.classByName(b.className);
    if (!cls) box(ctx.names.unknownClass(b.className));
    if (b.w <= 0 || b.h <= 0) {
      box(`box at ${pos} has zero or negative size`);
      return;
    }
    if (b.w < MIN_SIDE_PX || b.h < MIN_SIDE_PX) {
      box(`box at ${pos} is thinner than ${MIN_SIDE_PX} px`);
      return;
    }
    const edges: string[] = [];
    if (b.x < -BOUNDS_TOLERANCE_PX) edges.push(`left edge ${fmt(b.x)} < 0`);
    if (b.y < -BOUNDS_TOLERANCE_PX) edges.push(`top edge ${fmt(b.y)} < 0`);
    if (b.x + b.w > W + BOUNDS_TOLERANCE_PX) edges.push(`right edge ${fmt(b.x + b.w)} > ${W}`);
    if (b.y + b.h > H + BOUNDS_TOLERANCE_PX) edges.push(`bottom edge ${fmt(b.y + b.h)} > ${H}`);
    if (W > 0 && H > 0 && edges.length) {
      box(`box at ${pos} lies outside the ${W}x${H} image (${edges.join(', ')})`);
      return;
    }
    if (!cls) return;
    const attributes: Record<string, AttributeValue> = {};
    for (const [name, value] of Object.entries(b.attributes)) {
      const def = findAttribute(cls, name);
      if (!def) {
        const key = `${cls.name}.${name}`;
        ctx.droppedAttributes.set(key, (ctx.droppedAttributes.get(key) ?? 0) + 1);
        continue;
      }
      const checked = checkAttributeValue(def, value, cls.name);
      if (checked.ok) attributes[def.name] = checked.value;
      else box(checked.message);
    }
    // Clamp what is within the tolerance, so the stored box lies inside the image.
    const x0 = Math.max(0, b.x);
    const y0 = Math.max(0, b.y);
    const x1 = Math.min(W, b.x + b.w);
    const y1 = Math.min(H, b.y + b.h);
    if (x1 - x0 < MIN_SIDE_PX || y1 - y0 < MIN_SIDE_PX) {
      box(`box at ${pos} is thinner than ${MIN_SIDE_PX} px once clipped to the ${W}x${H} image`);
      return;
    }
    doc.boxes.push({
      classId: cls.id,
      x: x0,
      y: y0,
      w: x1 - x0,
      h: y1 - y0,
      attributes,
      uncertain: b.uncertain,
      source: null,
    });
  });

  const duration = asset.durationSec ?? Number.POSITIVE_INFINITY;
  item.segments.forEach((s, k) => {
    if (asset.kind !== 'audio') return;
    const where = `${itemRef}.segments[${k}]`;
    if (s.end <= s.start)
      at(where, `segment ends (${s.end}s) before or when it starts (${s.start}s)`);
    else if (s.start >= duration)
      at(where, `segment starts at ${s.start}s, after the end of the ${fmt(duration)}s audio`);
    else if (s.end > duration + TIME_TOLERANCE_S)
      at(where, `segment ends at ${s.end}s, after the end of the ${fmt(duration)}s audio`);
    else doc.segments.push({ start: s.start, end: Math.min(s.end, duration), text: s.text });
  });

  for (const name of item.tags) {
    const tag = ctx.names.tagByName(name);
    if (!tag) at(`${itemRef}.tags`, ctx.names.unknownTag(name));
    else if (!doc.tags.includes(tag.id)) doc.tags.push(tag.id);
  }
  // `"tags": ["ok"]` and `"noDefects": true` say the same thing: store both.
  const verdict = normalizeVerdict(doc, ctx.names.spec);
  doc.tags = verdict.tags;
  doc.noDefects = verdict.noDefects;
  // The same verdict rules as a save through the annotation service (docValidation.ts).
  for (const message of verdictProblems(doc.noDefects, doc.tags, item.boxes.length, ctx.names.spec))
    at(itemRef, message);
  return { doc, problems };
}

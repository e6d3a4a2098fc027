import type { Rng } from './prng';

export type DefectClass = 'scratch' | 'spot' | 'inclusion';
export const DEFECT_CLASSES: readonly DefectClass[] = ['scratch', 'spot', 'inclusion'];

/** A ground-truth box in displayed-image pixels (integers, top-left origin). */
export interface TruthBox {
  class: DefectClass;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A defect drawn into a local patch: `delta` is added to the image at (left, top).
 * Keeping the patch separate lets us measure the visible extent (the ground-truth box)
 * from what was actually drawn, not from the parameters we hoped for.
 */
interface Patch {
  left: number;
  top: number;
  width: number;
  height: number;
  delta: Float32Array;
}

/** A change smaller than this (grey levels) is lost in the texture and not part of the box. */
const VISIBLE = 10;

const smoothstep = (edge0: number, edge1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
};

function newPatch(x0: number, y0: number, x1: number, y1: number): Patch {
  const left = Math.floor(x0);
  const top = Math.floor(y0);
  const width = Math.ceil(x1) - left + 1;
  const height = Math.ceil(y1) - top + 1;
  return { left, top, width, height, delta: new Float32Array(width * height) };
}

/** A thin, long, slightly bent line, bright (metal exposed) or dark (debris in the groove). */
function drawScratch(rng: Rng, cx: number, cy: number, scale: number): Patch {
  const length = rng.range(160, 620) * scale;
  // Mostly oblique: scratches from handling cross the rolling direction.
  const angle = rng.chance(0.3)
    ? rng.range(-0.25, 0.25)
    : rng.range(0.35, 1.35) * (rng.chance(0.5) ? 1 : -1);
  const halfWidth = rng.range(0.6, 1.6) * Math.sqrt(scale);
  const amp = rng.chance(0.55) ? rng.range(45, 80) : -rng.range(45, 75);
  const bend = rng.range(-0.12, 0.12) * length;
  const dx = Math.cos(angle) * length * 0.5;
  const dy = Math.sin(angle) * length * 0.5;
  const [ax, ay, bx, by] = [cx - dx, cy - dy, cx + dx, cy + dy];
  // Quadratic Bézier control point pushed sideways by `bend`.
  const px = cx - Math.sin(angle) * bend;
  const py = cy + Math.cos(angle) * bend;
  const pad = halfWidth + 3;
  const patch = newPatch(
    Math.min(ax, bx, px) - pad,
    Math.min(ay, by, py) - pad,
    Math.max(ax, bx, px) + pad,
    Math.max(ay, by, py) + pad,
  );
  const wobble = rng.range(0, Math.PI * 2);
  const steps = Math.ceil(length * 2);
  const reach = Math.ceil(halfWidth + 1);
  for (let k = 0; k <= steps; k++) {
    const t = k / steps;
    const u = 1 - t;
    const x = u * u * ax + 2 * u * t * px + t * t * bx - patch.left;
    const y = u * u * ay + 2 * u * t * py + t * t * by - patch.top;
    // Fades in and out at the ends and varies a little along its length, as real ones do.
    const taper = Math.min(1, t / 0.08, (1 - t) / 0.08);
    const strength = amp * taper * (0.8 + 0.2 * Math.sin(wobble + t * 23));
    const xi = Math.round(x);
    const yi = Math.round(y);
    for (let j = yi - reach; j <= yi + reach; j++) {
      for (let i = xi - reach; i <= xi + reach; i++) {
        const d = Math.sqrt((i - x) * (i - x) + (j - y) * (j - y));
        const cover = Math.min(1, Math.max(0, halfWidth + 0.5 - d));
        if (cover <= 0) continue;
        const idx = j * patch.width + i;
        const v = strength * cover;
        if (Math.abs(v) > Math.abs(patch.delta[idx]!)) patch.delta[idx] = v;
      }
    }
  }
  return patch;
}

/** A dark round blob with a slightly irregular rim (rust or oil spot). */
function drawSpot(rng: Rng, cx: number, cy: number, scale: number): Patch {
  const radius = rng.range(5, 24) * scale;
  const depth = rng.range(45, 90);
  const harmonics = [1, 2, 3].map((n) => ({
    n,
    a: rng.range(0, 0.14 / n),
    phase: rng.range(0, Math.PI * 2),
  }));
  const reach = radius * 1.5 + 2;
  const patch = newPatch(cx - reach, cy - reach, cx + reach, cy + reach);
  for (let j = 0; j < patch.height; j++) {
    for (let i = 0; i < patch.width; i++) {
      const x = patch.left + i - cx;
      const y = patch.top + j - cy;
      const d = Math.sqrt(x * x + y * y);
      const theta = Math.atan2(y, x);
      let r = radius;
      for (const h of harmonics) r += radius * h.a * Math.sin(h.n * theta + h.phase);
      const f = smoothstep(r + 1.5, r - 1.5, d);
      if (f > 0)
        patch.delta[j * patch.width + i] = -depth * f * (0.8 + 0.2 * Math.max(0, 1 - d / r));
    }
  }
  return patch;
}

/** An elongated dark, ragged patch along the rolling direction (non-metallic inclusion). */
function drawInclusion(rng: Rng, cx: number, cy: number, scale: number): Patch {
  const length = rng.range(60, 260) * scale;
  const thickness = rng.range(8, 28) * scale;
  const depth = rng.range(35, 70);
  const angle = rng.range(-0.14, 0.14);
  const waves = [0, 1, 2].map(() => ({
    k: rng.range(1.5, 7),
    phase: rng.range(0, Math.PI * 2),
    a: rng.range(0.1, 0.3),
  }));
  const wander = rng.range(0, thickness * 0.5);
  const wanderPhase = rng.range(0, Math.PI * 2);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const reachX = (length / 2) * Math.abs(cos) + thickness * 1.5;
  const reachY = (length / 2) * Math.abs(sin) + thickness * 1.5;
  const patch = newPatch(cx - reachX, cy - reachY, cx + reachX, cy + reachY);
  for (let j = 0; j < patch.height; j++) {
    for (let i = 0; i < patch.width; i++) {
      const x = patch.left + i - cx;
      const y = patch.top + j - cy;
      const u = (x * cos + y * sin) / length + 0.5; // 0..1 along the axis
      if (u <= 0 || u >= 1) continue;
      const v = -x * sin + y * cos;
      let ragged = 1;
      for (const w of waves) ragged += w.a * Math.sin(w.k * Math.PI * 2 * u + w.phase);
      const halfT = (thickness / 2) * Math.pow(Math.sin(Math.PI * u), 0.6) * ragged;
      const centre = wander * Math.sin(Math.PI * 2 * u + wanderPhase);
      const f = smoothstep(halfT + 1.2, halfT - 1.2, Math.abs(v - centre));
      if (f <= 0) continue;
      const mottle = 0.75 + 0.25 * Math.sin(u * 29 + waves[0]!.phase + v * 0.35);
      patch.delta[j * patch.width + i] = -depth * f * mottle;
    }
  }
  return patch;
}

/** The visible extent of a patch in image coordinates, clipped to the image. */
function visibleBox(
  patch: Patch,
  cls: DefectClass,
  width: number,
  height: number,
): TruthBox | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let j = 0; j < patch.height; j++) {
    const y = patch.top + j;
    if (y < 0 || y >= height) continue;
    for (let i = 0; i < patch.width; i++) {
      const x = patch.left + i;
      if (x < 0 || x >= width || Math.abs(patch.delta[j * patch.width + i]!) < VISIBLE) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < x0) return null;
  return { class: cls, x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** Adds a patch into the image, clipped: a Bézier's control point may lie off the sheet. */
function blit(lum: Float32Array, width: number, height: number, patch: Patch): void {
  for (let j = 0; j < patch.height; j++) {
    const y = patch.top + j;
    if (y < 0 || y >= height) continue;
    for (let i = 0; i < patch.width; i++) {
      const x = patch.left + i;
      if (x < 0 || x >= width) continue;
      const idx = y * width + x;
      lum[idx] = lum[idx]! + patch.delta[j * patch.width + i]!;
    }
  }
}

const overlaps = (a: TruthBox, b: TruthBox, margin: number): boolean =>
  a.x < b.x + b.w + margin &&
  b.x < a.x + a.w + margin &&
  a.y < b.y + b.h + margin &&
  b.y < a.y + a.h + margin;

const DRAW: Record<DefectClass, (rng: Rng, cx: number, cy: number, scale: number) => Patch> = {
  scratch: drawScratch,
  spot: drawSpot,
  inclusion: drawInclusion,
};

/**
 * Draws the requested defects into `lum` and returns their boxes. Defects are placed so
 * their boxes neither overlap nor touch the border: the ground truth stays unambiguous,
 * and the disagreements in the demo come from the labelers, not from the generator.
 */
export function drawDefects(
  lum: Float32Array,
  width: number,
  height: number,
  classes: DefectClass[],
  rng: Rng,
): TruthBox[] {
  const boxes: TruthBox[] = [];
  const margin = 12;
  // Defects are sized for a 1024x768 frame; a higher-resolution camera sees them bigger.
  const scale = Math.sqrt((width * height) / (1024 * 768));
  for (const cls of classes) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const patch = DRAW[cls](
        rng,
        rng.range(0.1, 0.9) * width,
        rng.range(0.1, 0.9) * height,
        scale,
      );
      const box = visibleBox(patch, cls, width, height);
      if (!box) continue;
      const inside =
        box.x >= margin &&
        box.y >= margin &&
        box.x + box.w <= width - margin &&
        box.y + box.h <= height - margin;
      if (!inside || boxes.some((b) => overlaps(b, box, margin))) continue;
      blit(lum, width, height, patch);
      boxes.push(box);
      break;
    }
  }
  return boxes;
}

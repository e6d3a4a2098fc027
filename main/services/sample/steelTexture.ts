import type { Rng } from './prng';

/** How one camera/shift sees the sheet; varied by metadata so slices differ a little. */
export interface SteelLook {
  /** Mean grey level, 0-255. */
  base: number;
  /** Strength of the long rolling streaks. */
  streak: number;
  /** Per-pixel grain. */
  grain: number;
  /** Darkening at the corners, 0 (none) to ~0.4. */
  vignette: number;
}

const LONG_STREAK = 96;
const SHORT_STREAK = 12;
const GRID_X = 8;
const GRID_Y = 6;

/**
 * Brushed/rolled steel, brightness in a Float32Array (row-major, 0-255 before clamping).
 *
 * Rolled sheet has texture that is long along the rolling direction (x) and short across
 * it (y), so: white noise box-blurred along each row (two lengths, long and short), plus a
 * per-row offset, plus a coarse bilinear shading field, times a vignette. Everything is a
 * running sum or a table look-up, so a 1024x768 image costs a few milliseconds.
 */
export function renderSteelTexture(
  width: number,
  height: number,
  rng: Rng,
  look: SteelLook,
): Float32Array {
  const out = new Float32Array(width * height);
  let s = rng.seed() | 1; // xorshift32 state, inlined below: this is the hot loop

  const rowOffset = new Float32Array(height);
  for (let y = 0; y < height; y++) {
    rowOffset[y] = rng.gauss() * 2.2 + (rng.chance(0.04) ? rng.gauss() * 9 : 0);
  }
  // Soften row-to-row jumps a little so the streaks read as brushed, not as scan lines.
  const rows = Float32Array.from(rowOffset);
  for (let y = 1; y < height - 1; y++)
    rows[y] = 0.25 * rowOffset[y - 1]! + 0.5 * rowOffset[y]! + 0.25 * rowOffset[y + 1]!;

  const grid = new Float32Array((GRID_X + 1) * (GRID_Y + 1));
  for (let i = 0; i < grid.length; i++) grid[i] = rng.gauss() * 7;
  const cellOf = new Int32Array(width);
  const fracOf = new Float32Array(width);
  const vigX = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const gx = (x / (width - 1)) * GRID_X;
    const c = Math.min(GRID_X - 1, Math.floor(gx));
    cellOf[x] = c;
    fracOf[x] = gx - c;
    const dx = (x - width / 2) / (width / 2);
    vigX[x] = look.vignette * 0.5 * dx * dx;
  }

  const noise = new Float32Array(width + LONG_STREAK);
  const prefix = new Float32Array(width + LONG_STREAK + 1);
  const shadeRow = new Float32Array(GRID_X + 1);
  const longScale = look.streak * Math.sqrt(LONG_STREAK) * 1.7;
  const shortScale = look.streak * Math.sqrt(SHORT_STREAK) * 0.8;
  const half = LONG_STREAK >> 1;
  const shortHalf = SHORT_STREAK >> 1;
  const longK = longScale / LONG_STREAK;
  const shortK = shortScale / SHORT_STREAK;
  const grain = look.grain;
  const vigK = look.vignette * 0.5;

  for (let y = 0; y < height; y++) {
    for (let i = 0; i < noise.length; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      noise[i] = (s >>> 0) / 2147483648 - 1;
      prefix[i + 1] = prefix[i]! + noise[i]!;
    }
    const gy = (y / (height - 1)) * GRID_Y;
    const r = Math.min(GRID_Y - 1, Math.floor(gy));
    const fy = gy - r;
    for (let c = 0; c <= GRID_X; c++) {
      shadeRow[c] = grid[r * (GRID_X + 1) + c]! * (1 - fy) + grid[(r + 1) * (GRID_X + 1) + c]! * fy;
    }
    const dy = (y - height / 2) / (height / 2);
    const vigRow = 1 - vigK * dy * dy;
    const row = rows[y]! + look.base;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const i = x + half;
      const longSum = prefix[i + half]! - prefix[i - half]!;
      const shortSum = prefix[i + shortHalf]! - prefix[i - shortHalf]!;
      const c = cellOf[x]!;
      const f = fracOf[x]!;
      const shade = shadeRow[c]! + (shadeRow[c + 1]! - shadeRow[c]!) * f;
      const v = row + shade + longSum * longK + shortSum * shortK + noise[i]! * grain;
      out[o + x] = v * (vigRow - vigX[x]!);
    }
  }
  return out;
}

/** Clamps and rounds to bytes (natively, via Uint8ClampedArray); one grey channel is what an inspection camera gives. */
export function toGreyBytes(lum: Float32Array): Uint8Array {
  const clamped = new Uint8ClampedArray(lum);
  return new Uint8Array(clamped.buffer, clamped.byteOffset, clamped.byteLength);
}

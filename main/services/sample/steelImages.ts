import sharp from 'sharp';
import { Rng } from './prng';
import type { ImagePlan } from './samplePlan';
import { drawDefects } from './steelDefects';
import type { TruthBox } from './steelDefects';
import type { SteelLook } from './steelTexture';
import { renderSteelTexture, toGreyBytes } from './steelTexture';

export interface RenderedImage {
  /** One grey byte per pixel, displayed orientation. */
  pixels: Uint8Array;
  width: number;
  height: number;
  boxes: TruthBox[];
}

/** Night shift runs darker and noisier; camera B has a cheaper lens (stronger vignette). */
function lookFor(plan: ImagePlan, rng: Rng): SteelLook {
  const night = plan.meta.shift === 'night';
  return {
    base: (night ? 112 : 142) + rng.range(-8, 8),
    streak: rng.range(2.2, 3.6),
    grain: night ? 4.5 : 3,
    vignette: plan.meta.camera === 'cam-b' ? 0.32 : 0.16,
  };
}

/** Draws one image in its displayed orientation; boxes are in displayed pixels. */
export function renderSteelImage(plan: ImagePlan): RenderedImage {
  const rng = new Rng(plan.seed);
  const lum = renderSteelTexture(plan.width, plan.height, rng, lookFor(plan, rng));
  const boxes = drawDefects(lum, plan.width, plan.height, plan.defects, rng);
  return { pixels: toGreyBytes(lum), width: plan.width, height: plan.height, boxes };
}

/**
 * The stored frame for EXIF orientation 6 ("rotate 90° clockwise to display"): the drawn
 * image turned 90° counter-clockwise. Done by hand because sharp's rotate() widens grey
 * input to three channels.
 *
 *   displayed (W x H)         stored (H x W)
 *   A . . B                   B . .
 *   . . . .         ->        . . .
 *   D . . C                   . . .
 *                             A . D   (stored(xs, ys) = displayed(W-1-ys, xs))
 */
export function counterRotate(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let ys = 0; ys < width; ys++) {
    const xd = width - 1 - ys;
    for (let xs = 0; xs < height; xs++) out[ys * height + xs] = pixels[xs * width + xd]!;
  }
  return out;
}

/**
 * Encodes to the planned format. For orientation 6 the pixels are stored counter-rotated
 * and tagged 6, so a viewer that honours EXIF shows exactly what was drawn and the boxes
 * (in displayed pixels) line up.
 */
export async function encodeSteelImage(plan: ImagePlan, image: RenderedImage): Promise<Buffer> {
  const turned = plan.orientation === 6;
  const pixels = turned ? counterRotate(image.pixels, image.width, image.height) : image.pixels;
  let pipeline = sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), {
    raw: {
      width: turned ? image.height : image.width,
      height: turned ? image.width : image.height,
      channels: 1,
    },
  });
  if (turned) pipeline = pipeline.withMetadata({ orientation: 6 });
  // zlib level 3: a third of the CPU of level 6 for files only ~7% larger (noise barely compresses).
  if (plan.format === 'png')
    return pipeline.png({ compressionLevel: 3, adaptiveFiltering: false }).toBuffer();
  return pipeline.jpeg({ quality: 88 }).toBuffer();
}

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planSample } from './samplePlan';
import { counterRotate, encodeSteelImage, renderSteelImage } from './steelImages';

const plan = planSample();

function medianByte(pixels: Uint8Array): number {
  const histogram = new Uint32Array(256);
  for (const p of pixels) histogram[p]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen * 2 >= pixels.length) return v;
  }
  return 255;
}

describe('sample plan', () => {
  it('mixes sizes, formats, defect-free images and one EXIF-rotated JPEG', () => {
    const { images } = plan;
    expect(images).toHaveLength(36);
    expect(images.filter((i) => i.width === 2048 && i.height === 1536)).toHaveLength(2);
    expect(images.filter((i) => i.defects.length === 0).length).toBeGreaterThanOrEqual(6);
    expect(new Set(images.map((i) => i.format))).toEqual(new Set(['png', 'jpeg']));
    const turned = images.filter((i) => i.orientation === 6);
    expect(turned).toHaveLength(1);
    expect(turned[0]).toMatchObject({ format: 'jpeg', width: 768, height: 1024 });
    expect(new Set(images.map((i) => i.file)).size).toBe(images.length);
  });

  it('is the same plan every time', () => {
    expect(planSample()).toEqual(plan);
  });
});

describe('steel images', () => {
  it('renders deterministically', () => {
    const a = renderSteelImage(plan.images[0]!);
    const b = renderSteelImage(plan.images[0]!);
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(true);
    expect(a.boxes).toEqual(b.boxes);
  });

  it('draws every planned defect, visibly, inside its box', () => {
    for (const p of plan.images.slice(0, 12)) {
      const img = renderSteelImage(p);
      expect(img.boxes.map((b) => b.class).sort()).toEqual([...p.defects].sort());
      const median = medianByte(img.pixels);
      for (const b of img.boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(img.width);
        expect(b.y + b.h).toBeLessThanOrEqual(img.height);
        let extreme = 0;
        for (let y = b.y; y < b.y + b.h; y++) {
          for (let x = b.x; x < b.x + b.w; x++)
            extreme = Math.max(extreme, Math.abs(img.pixels[y * img.width + x]! - median));
        }
        expect(extreme, `${p.file} ${b.class}`).toBeGreaterThan(30);
      }
    }
  });

  it('counter-rotates for EXIF orientation 6 so a viewer shows the drawn image', async () => {
    // 3x2 displayed -> 2x3 stored; rotating the stored frame 90° clockwise gives it back.
    const displayed = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    expect([...counterRotate(displayed, 3, 2)]).toEqual([3, 6, 2, 5, 1, 4]);

    const p = plan.images.find((i) => i.orientation === 6)!;
    const img = renderSteelImage(p);
    const file = await encodeSteelImage(p, img);
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', orientation: 6, width: 1024, height: 768 });
    const { data, info } = await sharp(file)
      .rotate()
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([768, 1024]);
    let diff = 0;
    for (let i = 0; i < img.pixels.length; i++)
      diff += Math.abs(data[i * info.channels]! - img.pixels[i]!);
    expect(diff / img.pixels.length).toBeLessThan(4); // JPEG noise only, no transposition
  });
});

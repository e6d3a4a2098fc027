// Derived files (thumbnails, display images, audio peaks), made by the media worker and
// cached under <dataDir>/cache/, named by content hash (so they survive re-imports and never
// go stale). Made in the background after an import, and on request when still missing.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import { mediaPool } from '../../workers/mediaClient';
import type { RenderInput } from '../../workers/mediaProtocol';
import type { OpenProject } from '../project/projectHost';
import { fromStoredRelPath } from '../project/projectPaths';
import type { AssetVariant } from './assetFiles';
import type { AudioFormat, ImageFormat } from './mediaFormats';
import { MAX_IMAGE_PIXELS, mimeOf } from './mediaFormats';

export const THUMB_SIZE = 256;
/** Longest side of the display image; larger originals get a downscaled preview. */
export const DISPLAY_MAX = 4096;
const BROWSER_NATIVE = new Set(['jpeg', 'png', 'webp']);

export interface DerivableAsset {
  id: number;
  kind: 'image' | 'audio';
  format: string;
  sha256: string;
  relPath: string;
  fileName: string;
  width: number | null;
  height: number | null;
}

type Plan =
  | { kind: 'original' }
  | {
      kind: 'cached';
      file: string;
      mime: string;
      make: (priority: 'high' | 'low') => Promise<unknown>;
    }
  | { kind: 'none'; reason: string };

const shard = (sha: string) => path.join(sha.slice(0, 2), sha);

export function variantPlan(project: OpenProject, a: DerivableAsset, variant: AssetVariant): Plan {
  const source = fromStoredRelPath(project.dir, a.relPath);
  const cache = path.join(project.dataDir, 'cache');
  if (variant === 'original') return { kind: 'original' };
  if (a.kind === 'audio') {
    if (variant === 'display') return { kind: 'original' };
    if (variant === 'thumb')
      return { kind: 'none', reason: `${a.fileName} is audio; it has no thumbnail` };
    const file = path.join(cache, 'peaks-v1', `${shard(a.sha256)}.json`);
    const make = (priority: 'high' | 'low') =>
      mediaPool().call(
        'peaks',
        { source, format: a.format as AudioFormat, target: file },
        { priority, timeoutMs: 600_000 },
      );
    return { kind: 'cached', file, mime: 'application/json', make };
  }
  if (variant === 'peaks')
    return { kind: 'none', reason: `${a.fileName} is an image; it has no audio peaks` };
  const render =
    (file: string, maxSide: number, output: RenderInput['output'], quality: number) =>
    (priority: 'high' | 'low') =>
      mediaPool().call(
        'render',
        {
          source,
          format: a.format as ImageFormat,
          target: file,
          maxSide,
          output,
          quality,
          maxPixels: MAX_IMAGE_PIXELS,
        },
        { priority, timeoutMs: 300_000 },
      );
  if (variant === 'thumb') {
    const file = path.join(cache, `thumb-${THUMB_SIZE}`, `${shard(a.sha256)}.webp`);
    return { kind: 'cached', file, mime: 'image/webp', make: render(file, THUMB_SIZE, 'webp', 75) };
  }
  const longSide = Math.max(a.width ?? 0, a.height ?? 0);
  if (longSide > DISPLAY_MAX) {
    // Very large images: a preview the browser can hold; 'original' keeps every pixel.
    const file = path.join(cache, `display-${DISPLAY_MAX}`, `${shard(a.sha256)}.webp`);
    return {
      kind: 'cached',
      file,
      mime: 'image/webp',
      make: render(file, DISPLAY_MAX, 'webp', 90),
    };
  }
  if (BROWSER_NATIVE.has(a.format)) return { kind: 'original' };
  // TIFF and BMP: browsers cannot show them; a lossless PNG at full size.
  const file = path.join(cache, 'display', `${shard(a.sha256)}.png`);
  return { kind: 'cached', file, mime: 'image/png', make: render(file, DISPLAY_MAX, 'png', 100) };
}

const inFlight = new Map<string, Promise<void>>();

/** The file for a variant: the original, or a cached derivative made now if missing. */
export async function ensureVariant(
  project: OpenProject,
  a: DerivableAsset,
  variant: AssetVariant,
  priority: 'high' | 'low' = 'high',
): Promise<{ filePath: string; mime: string }> {
  const plan = variantPlan(project, a, variant);
  if (plan.kind === 'none') throw new AppError('NOT_FOUND', plan.reason);
  const source = fromStoredRelPath(project.dir, a.relPath);
  if (plan.kind === 'original') {
    if (!fs.existsSync(source)) throw missing(a, source);
    return { filePath: source, mime: mimeOf(a.format) };
  }
  if (fs.existsSync(plan.file)) return { filePath: plan.file, mime: plan.mime };
  if (!fs.existsSync(source)) throw missing(a, source);
  let job = inFlight.get(plan.file);
  if (!job) {
    job = plan
      .make(priority)
      .then(() => undefined)
      .finally(() => inFlight.delete(plan.file));
    inFlight.set(plan.file, job);
  }
  try {
    await job;
  } catch (e) {
    throw new AppError(
      'BAD_FILE',
      `Could not make the ${variant} of ${a.relPath}: ${(e as Error).message}`,
    );
  }
  return { filePath: plan.file, mime: plan.mime };
}

function missing(a: DerivableAsset, source: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `The file of asset ${a.id} is missing: ${source} (moved or deleted?)`,
  );
}

const backgroundVariants = (a: DerivableAsset): AssetVariant[] =>
  a.kind === 'audio' ? ['peaks'] : ['thumb', 'display'];

const queue: Array<{ project: OpenProject; asset: DerivableAsset }> = [];
let running: Promise<void> | null = null;

/**
 * Makes thumbnails, display images and peaks for new assets at low priority, so they never
 * slow an import or an on-screen request. Stops for a project once it is closed.
 */
export function scheduleDerivatives(project: OpenProject, assets: DerivableAsset[]): void {
  for (const asset of assets) queue.push({ project, asset });
  running ??= drain().finally(() => {
    running = null;
  });
}

async function drain(): Promise<void> {
  const lane = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (!item.project.db.open) continue;
      for (const v of backgroundVariants(item.asset)) {
        if (variantPlan(item.project, item.asset, v).kind !== 'cached') continue;
        // Failures are not lost: the on-request path tries again and reports the reason.
        await ensureVariant(item.project, item.asset, v, 'low').catch(() => undefined);
      }
    }
  };
  await Promise.all([lane(), lane()]);
}

/** Resolves when the background queue is empty (tests, benchmarks). */
export async function derivativesIdle(): Promise<void> {
  while (running) await running;
}

/** Drops queued background work for a project (it is being closed). */
export function forgetDerivatives(project: OpenProject): void {
  for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.project === project) queue.splice(i, 1);
}

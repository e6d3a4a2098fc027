import type { Peaks } from '../../lib/peaks';
import { resamplePeaks } from '../../lib/peaks';

// Resampling a long recording (~120,000 buckets an hour) every animation frame would be
// wasted work: keep the last resampling per peaks object and column count.
const columnsCache = new WeakMap<object, { count: number; cols: Pick<Peaks, 'min' | 'max'> }>();

function columnsFor(peaks: Pick<Peaks, 'min' | 'max'>, count: number): Pick<Peaks, 'min' | 'max'> {
  const hit = columnsCache.get(peaks);
  if (hit && hit.count === count) return hit.cols;
  const cols = resamplePeaks(peaks, count);
  columnsCache.set(peaks, { count, cols });
  return cols;
}

export interface WaveformColors {
  played: string;
  unplayed: string;
  playhead: string;
  axis: string;
}

/**
 * Draws min/max bars across the canvas, the part before `progress` (0..1) in the played
 * color, and the playhead. The canvas is sized in device pixels by the caller.
 */
export function drawWaveform(
  canvas: HTMLCanvasElement,
  peaks: Pick<Peaks, 'min' | 'max'> | null,
  progress: number,
  colors: WaveformColors,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  const dpr = window.devicePixelRatio || 1;
  ctx.clearRect(0, 0, width, height);
  const mid = height / 2;
  ctx.fillStyle = colors.axis;
  ctx.fillRect(0, Math.round(mid), width, Math.max(1, Math.round(dpr)));
  const bar = Math.max(1, Math.round(2 * dpr));
  const gap = Math.max(1, Math.round(dpr));
  const columns = Math.floor(width / (bar + gap));
  const cols = peaks ? columnsFor(peaks, columns) : null;
  const playedX = progress * width;
  if (cols) {
    for (let i = 0; i < columns; i++) {
      const x = i * (bar + gap);
      const top = mid - Math.max(0, cols.max[i]!) * (mid - 2);
      const bottom = mid - Math.min(0, cols.min[i]!) * (mid - 2);
      ctx.fillStyle = x + bar <= playedX ? colors.played : colors.unplayed;
      ctx.fillRect(x, top, bar, Math.max(dpr, bottom - top));
    }
  }
  ctx.fillStyle = colors.playhead;
  ctx.fillRect(Math.min(width - 2 * dpr, playedX), 0, Math.max(1, 2 * dpr), height);
}

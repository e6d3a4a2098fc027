/** Human-readable byte size: 1.2 MB, 640 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Clock-style duration: 0:07, 3:25, 1:02:09. Tenths under ten seconds when asked. */
export function formatDuration(seconds: number, withTenths = false): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–:––';
  const tenths = withTenths ? Math.floor((seconds % 1) * 10) : null;
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  const base = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return tenths === null ? base : `${base}.${tenths}`;
}

/** "1920 × 1080" for images, "0:07" for audio, "" when unknown. */
export function formatAssetSize(a: {
  kind: 'image' | 'audio';
  width: number | null;
  height: number | null;
  durationSec: number | null;
}): string {
  if (a.kind === 'image') return a.width && a.height ? `${a.width} × ${a.height}` : '';
  return a.durationSec !== null ? formatDuration(a.durationSec) : '';
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/** Short local date-time for lists ("12 Mar 2025, 14:05"). */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

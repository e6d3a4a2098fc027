import type { RoundProgress, SamplingSpec, StratumCount } from '../../../../shared/api/schemas/rounds';

/** Pure wording for the Rounds screen (tested without a browser). */

export function describeSize(size: SamplingSpec['size']): string {
  return 'count' in size ? `${size.count} item${size.count === 1 ? '' : 's'}` : `${formatPercent(size.fraction)} of the assets`;
}

export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`;
}

export function describeSampling(s: SamplingSpec): string {
  const how =
    s.stratify.by === 'metadata'
      ? `stratified by ${s.stratify.field}`
      : s.stratify.by === 'class'
        ? `stratified by existing class${s.stratify.source === 'accepted' ? ' (accepted labels)' : ''}`
        : 'random';
  const kind = s.kind ? ` ${s.kind}s only,` : '';
  return `${describeSize(s.size)},${kind} ${how}, seed ${s.seed}`;
}

/** "line A 6/24 · line B 3/13 · (none) 1/3", largest strata first, at most `max` shown. */
export function describeStrata(strata: readonly StratumCount[], max = 6): string {
  const shown = strata.slice(0, max).map((s) => `${s.stratum ?? '(none)'} ${s.drawn}/${s.available}`);
  const more = strata.length - max;
  return more > 0 ? `${shown.join(' · ')} · +${more} more` : shown.join(' · ');
}

export function progressPercent(p: RoundProgress | null): number {
  return p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
}

export function describeProgress(p: RoundProgress): string {
  const working = p.working ? `, ${p.working} in progress` : '';
  return `${p.done}/${p.total} done${working}`;
}

/** Parses the size field of the create form; null with a reason when it is not usable. */
export function parseSize(
  mode: 'count' | 'fraction',
  text: string,
): { size: SamplingSpec['size'] } | { error: string } {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return { error: 'Enter a number' };
  if (mode === 'count') {
    if (!Number.isInteger(n) || n < 1) return { error: 'Enter a whole number of items (at least 1)' };
    return { size: { count: n } };
  }
  if (n <= 0 || n > 100) return { error: 'Enter a percentage above 0 and at most 100' };
  return { size: { fraction: n / 100 } };
}

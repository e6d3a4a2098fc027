import type {
  RoundProgress,
  SamplingSpec,
  StratumCount,
} from '../../../../shared/api/schemas/rounds';

/** Pure wording for the Rounds screen (tested without a browser). */

export function describeSize(size: SamplingSpec['size']): string {
  return 'count' in size
    ? `${size.count} item${size.count === 1 ? '' : 's'}`
    : `${formatPercent(size.fraction)} of the assets`;
}

export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`;
}

function describeHow(s: SamplingSpec): string {
  return s.stratify.by === 'metadata'
    ? `stratified by ${s.stratify.field}`
    : s.stratify.by === 'class'
      ? `stratified by existing class${s.stratify.source === 'accepted' ? ' (accepted labels)' : ''}`
      : 'random';
}

export function describeSampling(s: SamplingSpec): string {
  const kind = s.kind ? ` ${s.kind}s only,` : '';
  return `${describeSize(s.size)},${kind} ${describeHow(s)}, seed ${s.seed}`;
}

/** What a drawn round holds: "4 of 8 images (50%), stratified by line, seed 11". */
export function describeDrawn(s: SamplingSpec, items: number, candidates: number): string {
  const what = s.kind ? `${s.kind}s` : 'assets';
  const pct = 'fraction' in s.size ? ` (${formatPercent(s.size.fraction)})` : '';
  return `${items} of ${candidates} ${what}${pct}, ${describeHow(s)}, seed ${s.seed}`;
}

/**
 * "line A: 6 of 24 · line B: 3 of 13 · (none): 1 of 3", largest strata first, at most `max`
 * shown. `field` names a metadata field (stratum values alone, like "1", say nothing).
 */
export function describeStrata(
  strata: readonly StratumCount[],
  field: string | null = null,
  max = 6,
): string {
  const name = (s: StratumCount) =>
    s.stratum === null ? '(none)' : field ? `${field} ${s.stratum}` : s.stratum;
  const shown = strata.slice(0, max).map((s) => `${name(s)}: ${s.drawn} of ${s.available}`);
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
    if (!Number.isInteger(n) || n < 1)
      return { error: 'Enter a whole number of items (at least 1)' };
    return { size: { count: n } };
  }
  if (n <= 0 || n > 100) return { error: 'Enter a percentage above 0 and at most 100' };
  return { size: { fraction: n / 100 } };
}

import type { ItemAgreement, ItemPairAgreement } from '../../../shared/api/schemas/agreement';
import type { ItemFilter } from '../../../shared/api/schemas/agreementChannels';

/**
 * Which items are behind a figure of the report (the click-through of the agreement
 * screen). Pure: works on the report's per-item rows.
 */

function pairsOf(item: ItemAgreement, pair: [string, string] | undefined): ItemPairAgreement[] {
  if (!pair) return item.pairs;
  return item.pairs.filter(
    (p) =>
      (p.labelers[0] === pair[0] && p.labelers[1] === pair[1]) ||
      (p.labelers[0] === pair[1] && p.labelers[1] === pair[0]),
  );
}

/** Confusion cells of a pair, oriented so that `a` is `first`'s class. */
function cellsOf(p: ItemPairAgreement, first: string | undefined): ItemPairAgreement['confusion'] {
  if (!first || p.labelers[0] === first) return p.confusion;
  return p.confusion.map((c) => ({ a: c.b, b: c.a, count: c.count }));
}

function pairMatches(p: ItemPairAgreement, f: ItemFilter): boolean {
  const cells = cellsOf(p, f.pair?.[0]);
  const swapped = f.pair !== undefined && p.labelers[0] !== f.pair[0];
  switch (f.kind) {
    case 'all':
      return true;
    case 'full':
      return p.fullAgreement;
    case 'disagreement':
      return !p.fullAgreement;
    case 'class':
      return p.perClass.some((c) => c.classId === f.classId && c.nA + c.nB > 0);
    case 'classDisagreement':
      return p.perClass.some((c) => c.classId === f.classId && c.nA + c.nB > 2 * c.agreements);
    case 'conflict':
      return cells.some(
        (c) =>
          c.a !== null &&
          c.b !== null &&
          (f.a === undefined || c.a === f.a) &&
          (f.b === undefined || c.b === f.b) &&
          (f.classId === undefined || c.a === f.classId || c.b === f.classId),
      );
    case 'onlyA':
    case 'onlyB': {
      // "Only A" of the requested pair orientation.
      const wantA = (f.kind === 'onlyA') !== swapped;
      return p.confusion.some((c) =>
        wantA
          ? c.a !== null && c.b === null && (f.classId === undefined || c.a === f.classId)
          : c.a === null && c.b !== null && (f.classId === undefined || c.b === f.classId),
      );
    }
    case 'cell':
      if (f.a !== undefined && f.a !== null && f.a === f.b) {
        // The diagonal: agreements on that class.
        return p.perClass.some((c) => c.classId === f.a && c.agreements > 0);
      }
      return cells.some((c) => c.a === (f.a ?? null) && c.b === (f.b ?? null));
    case 'tagDisagreement':
      return p.tagsAgree === false;
  }
}

export function matchesFilter(item: ItemAgreement, filter: ItemFilter): boolean {
  const pairs = pairsOf(item, filter.pair);
  if (filter.kind === 'full') return pairs.length > 0 && pairs.every((p) => p.fullAgreement);
  return pairs.some((p) => pairMatches(p, filter));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line about an item's disagreements, e.g. "1 class conflict (scratch vs dent), 2 only-ana". */
export function describeItem(
  item: ItemAgreement,
  pair: [string, string] | undefined,
  className: (id: string) => string,
  tagName: (id: string) => string = (id) => id,
): string {
  const parts: string[] = [];
  for (const p of pairsOf(item, pair)) {
    if (p.fullAgreement) continue;
    const bits: string[] = [];
    const conflicts = p.confusion.filter((c) => c.a !== null && c.b !== null);
    if (conflicts.length) {
      const total = conflicts.reduce((s, c) => s + c.count, 0);
      const first = conflicts[0]!;
      bits.push(
        `${plural(total, 'class conflict')} (${className(first.a!)} vs ${className(first.b!)})`,
      );
    }
    if (p.onlyA) bits.push(`${p.onlyA} only-${p.labelers[0]}`);
    if (p.onlyB) bits.push(`${p.onlyB} only-${p.labelers[1]}`);
    if (bits.length)
      parts.push(
        item.pairs.length > 1 ? `${p.labelers.join('/')}: ${bits.join(', ')}` : bits.join(', '),
      );
  }
  const tagPair = pairsOf(item, pair).find((p) => p.tagsAgree === false);
  if (tagPair) {
    const tags = tagPair.labelers
      .map((l) => `${l}: ${(item.tags[l] ?? []).map(tagName).join('+') || 'none'}`)
      .join(' / ');
    parts.push(`tags differ (${tags})`);
  }
  return parts.length ? parts.join('; ') : 'full agreement';
}

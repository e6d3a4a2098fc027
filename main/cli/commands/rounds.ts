import { AppError } from '../../../shared/api/envelope';
import type { AssetKind } from '../../../shared/api/schemas/assets';
import type { RoundDetails, StratifySpec } from '../../../shared/api/schemas/rounds';
import { cliOwner } from '../../services/identity/actor';
import { labelerIdsByName } from '../../services/rounds/roundLabelers';
import { roundAssetIds, roundByName } from '../../services/rounds/roundRepository';
import {
  assetKindCounts,
  defaultRoundKind,
  SampleTooLargeError,
} from '../../services/rounds/roundSampling';
import { closeRound, createRound, listRoundSummaries } from '../../services/rounds/roundService';
import type { Db } from '../../db/connection';
import type { CliCommand, CommandContext } from '../cliTypes';
import { numberFlag, requireArg, stringFlag, UsageError } from '../cliTypes';

function describeStratify(s: StratifySpec): string {
  if (s.by === 'metadata') return `stratified by ${s.field}`;
  if (s.by === 'class') return `stratified by existing class (${s.source} annotations)`;
  return 'random';
}

const KIND_NOUN = { image: 'image(s)', audio: 'audio clip(s)', all: 'asset(s), images and audio' };

/** `--kind`: image, audio or all; absent: the project's default kind (images when it has any). */
function kindFlag(ctx: CommandContext): AssetKind | 'all' | undefined {
  const kind = stringFlag(ctx, 'kind');
  if (kind === undefined) return undefined;
  if (kind !== 'image' && kind !== 'audio' && kind !== 'all')
    throw new UsageError(`--kind must be image, audio or all, got "${kind}"`);
  return kind;
}

export function describeRound(r: RoundDetails): string[] {
  // The size drawn, with what was asked when it differs (a fraction, or a count older
  // versions capped silently at the number of assets).
  const asked =
    'count' in r.sampling.size
      ? r.sampling.size.count === r.itemCount
        ? ''
        : ` (asked for ${r.sampling.size.count}; only ${r.candidates} matched)`
      : ` (${+(r.sampling.size.fraction * 100).toFixed(2)}% of ${r.candidates})`;
  const size = `${r.itemCount} item${r.itemCount === 1 ? '' : 's'}${asked}`;
  const lines = [
    `Round ${r.name} (${r.status}): ${r.itemCount} of ${r.candidates} ${KIND_NOUN[r.sampling.kind ?? 'all']} for ${r.labelers.map((l) => l.name).join(', ')}`,
    `  sample ${size}, ${describeStratify(r.sampling.stratify)}, seed ${r.sampling.seed}; instructions v${r.instructionsVersion}; suggestions ${r.showSuggestions ? 'shown' : 'hidden'}`,
  ];
  if (r.sampling.stratify.by !== 'none') {
    for (const s of r.strata)
      lines.push(`    ${(s.stratum ?? '(none)').padEnd(24)} ${s.drawn} of ${s.available}`);
  }
  for (const l of r.labelers) {
    if (l.progress)
      lines.push(
        `  ${l.name.padEnd(20)} ${l.progress.done}/${l.progress.total} done, ${l.progress.working} in progress`,
      );
  }
  return lines;
}

function itemPaths(db: Db, roundId: number): Array<{ assetId: number; path: string }> {
  const stmt = db.prepare('SELECT rel_path FROM assets WHERE id = ?').pluck();
  return roundAssetIds(db, roundId).map((assetId) => ({
    assetId,
    path: stmt.get(assetId) as string,
  }));
}

export const roundCreateCommand: CliCommand = {
  words: ['round', 'create'],
  usage:
    'concord round create P --labelers a,b [--size N | --fraction F] [--stratify-by FIELD|class] [--seed S] [--name R] [--kind image|audio|all] [--instructions-version V] [--show-suggestions] [--json]',
  summary:
    'draw a blind double-labeling sample for two or more labelers with PINs (seeded: same seed, same sample; images only unless --kind says otherwise)',
  valueFlags: ['size', 'fraction', 'stratify-by', 'seed', 'name', 'kind', 'instructions-version'],
  booleanFlags: ['show-suggestions'],
  listFlags: ['labelers'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    if (ctx.args.length > 1) throw new UsageError(`unexpected argument "${ctx.args[1]}"`);
    const names = ctx.flags.labelers;
    if (!Array.isArray(names) || names.length === 0)
      throw new UsageError('--labelers needs at least two names, e.g. --labelers ana,ben');
    const count = numberFlag(
      ctx,
      'size',
      (n) => Number.isInteger(n) && n >= 1,
      'a whole number of at least 1',
    );
    const fraction = numberFlag(ctx, 'fraction', (n) => n > 0 && n <= 1, 'above 0 and at most 1');
    if (count !== undefined && fraction !== undefined)
      throw new UsageError('give --size or --fraction, not both');
    const seed = numberFlag(
      ctx,
      'seed',
      (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 31,
      'a whole number from 0 to 2147483647',
    );
    const version = numberFlag(
      ctx,
      'instructions-version',
      (n) => Number.isInteger(n) && n >= 1,
      'a version number',
    );
    const kindAsked = kindFlag(ctx);
    const { db } = ctx.services().host.open(file);
    // Rounds are box rounds or transcript rounds unless asked otherwise: a mixed sample
    // sends labelers back and forth between two editors, and its size hides how many of each.
    const kind = kindAsked === 'all' ? undefined : (kindAsked ?? defaultRoundKind(db));
    const field = stringFlag(ctx, 'stratify-by');
    let stratify: StratifySpec = { by: 'none' };
    if (field !== undefined) {
      const isField =
        db.prepare('SELECT 1 FROM asset_metadata WHERE key = ? LIMIT 1').get(field) !== undefined;
      // "class" means the existing labels unless the assets really have a metadata field of that name.
      stratify =
        field === 'class' && !isField ? { by: 'class', source: 'any' } : { by: 'metadata', field };
    }
    const labelerIds = labelerIdsByName(db, names);
    let round: RoundDetails;
    try {
      round = createRound(db, cliOwner, {
        labelerIds,
        size: count !== undefined ? { count } : { fraction: fraction ?? 1 },
        stratify,
        kind,
        seed,
        showSuggestions: ctx.flags['show-suggestions'] === true,
        instructionsVersion: version,
        name: stringFlag(ctx, 'name'),
      });
    } catch (e) {
      if (e instanceof SampleTooLargeError) {
        const what = `${e.available} ${e.kind ? `${e.kind} ` : ''}asset${e.available === 1 ? '' : 's'}`;
        throw new AppError(
          'INVALID_INPUT',
          `Only ${what} match; use --size ${e.available} or --fraction`,
        );
      }
      throw e;
    }
    if (ctx.json) {
      ctx.io.out(JSON.stringify({ ...round, items: itemPaths(db, round.id) }, null, 2));
      return 0;
    }
    for (const line of describeRound(round)) ctx.io.out(line);
    if (kindAsked === undefined && kind) {
      const other = kind === 'image' ? 'audio' : 'image';
      const left = assetKindCounts(db)[other];
      if (left > 0)
        ctx.io.out(
          `  note: ${left} ${KIND_NOUN[other]} left out (rounds draw ${KIND_NOUN[kind]} unless --kind says otherwise; --kind ${other} or --kind all)`,
        );
    }
    return 0;
  },
};

export const roundsListCommand: CliCommand = {
  words: ['rounds'],
  usage: 'concord rounds P [--json]',
  summary: 'list the rounds with each labeler’s progress (--json: with their items)',
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const { db } = ctx.services().host.open(file);
    const rounds = listRoundSummaries(db, cliOwner);
    if (ctx.json) {
      // Each round's items, as `round create --json` gives them: `annotations import --round`
      // only takes these, so a script needs to know which they are.
      const withItems = rounds.map((r) => ({ ...r, items: itemPaths(db, r.id) }));
      ctx.io.out(JSON.stringify({ rounds: withItems }, null, 2));
      return 0;
    }
    if (rounds.length === 0)
      ctx.io.out('No rounds yet. Draw one with: concord round create P --labelers a,b --size N');
    for (const r of rounds) for (const line of describeRound(r)) ctx.io.out(line);
    return 0;
  },
};

export const roundCloseCommand: CliCommand = {
  words: ['round', 'close'],
  usage: 'concord round close P R [--json]',
  summary: 'close (freeze) a round: its labels can no longer change',
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const name = requireArg(ctx, 1, 'round name (e.g. r1)');
    const { db } = ctx.services().host.open(file);
    const round = closeRound(db, cliOwner, roundByName(db, name).id);
    if (ctx.json) ctx.io.out(JSON.stringify(round, null, 2));
    else for (const line of describeRound(round)) ctx.io.out(line);
    return 0;
  },
};

export const roundItemsCommand: CliCommand = {
  words: ['round', 'items'],
  usage: 'concord round items P R [--json]',
  summary:
    'list the items of a round, one asset path per line (the items `annotations import --round R` takes)',
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const name = requireArg(ctx, 1, 'round name (e.g. r1)');
    if (ctx.args.length > 2) throw new UsageError(`unexpected argument "${ctx.args[2]}"`);
    const { db } = ctx.services().host.open(file);
    const round = roundByName(db, name);
    const items = itemPaths(db, round.id);
    if (ctx.json) ctx.io.out(JSON.stringify({ round: round.name, items }, null, 2));
    else for (const item of items) ctx.io.out(item.path);
    return 0;
  },
};

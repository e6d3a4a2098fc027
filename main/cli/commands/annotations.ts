import path from 'node:path';
import type { InterchangeProblem } from '../../../shared/domain/formats/interchange';
import { cliOwner } from '../../services/identity/actor';
import { exportAnnotations } from '../../services/interchange/exportAnnotations';
import type { ImportFormat } from '../../services/interchange/importAnnotations';
import { importAnnotations } from '../../services/interchange/importAnnotations';
import { roundByName } from '../../services/rounds/roundRepository';
import type { Db } from '../../db/connection';
import type { CliCommand, CommandContext } from '../cliTypes';
import { requireArg, stringFlag, UsageError } from '../cliTypes';

/** Human output lists this many problems; `--json` lists them all. */
const MAX_PRINTED_PROBLEMS = 200;

function formatFlag<T extends string>(ctx: CommandContext, allowed: readonly T[]): T {
  const format = stringFlag(ctx, 'format');
  if (!format) throw new UsageError(`--format is required (${allowed.join('|')})`);
  const hit = allowed.find((f) => f === format);
  if (!hit) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${format}"`);
  return hit;
}

function labelerFlag(ctx: CommandContext): string {
  const labeler = stringFlag(ctx, 'labeler');
  if (!labeler) throw new UsageError('--labeler NAME is required');
  return labeler;
}

/** `--round R`: the round's id (by name, e.g. r1), listing the rounds on a typo. */
function roundFlag(ctx: CommandContext, db: Db): number | undefined {
  const name = stringFlag(ctx, 'round');
  return name === undefined ? undefined : roundByName(db, name).id;
}

export function describeProblem(p: InterchangeProblem): string {
  const file = p.file && !p.where.includes(p.file) ? ` (${p.file})` : '';
  return `${p.where}${file}: ${p.message}`;
}

export const annotationsImportCommand: CliCommand = {
  words: ['annotations', 'import'],
  usage:
    'concord annotations import P --labeler NAME --format concord|coco|yolo FILE [--round R] [--classes data.yaml] [--json]',
  summary:
    "import one labeler's annotations (all or nothing; YOLO: FILE is the labels folder; --round: as their work in that open round)",
  valueFlags: ['labeler', 'format', 'classes', 'round'],
  async run(ctx) {
    const project = requireArg(ctx, 0, 'project file');
    const source = requireArg(ctx, 1, 'annotation file (or YOLO labels folder)');
    if (ctx.args.length > 2) throw new UsageError(`unexpected argument "${ctx.args[2]}"`);
    const labelerName = labelerFlag(ctx);
    const format = formatFlag<ImportFormat>(ctx, ['concord', 'coco', 'yolo']);
    const classes = stringFlag(ctx, 'classes');
    if (classes && format !== 'yolo') throw new UsageError('--classes is only for --format yolo');
    const open = ctx.services().host.open(project);
    const result = importAnnotations(open, {
      actor: cliOwner,
      labelerName,
      format,
      path: path.resolve(source),
      classesFile: classes ? path.resolve(classes) : undefined,
      roundId: roundFlag(ctx, open.db),
    });
    if (ctx.json) ctx.io.out(JSON.stringify(result, null, 2));
    if (!result.imported) {
      if (!ctx.json) {
        for (const p of result.problems.slice(0, MAX_PRINTED_PROBLEMS))
          ctx.io.out(describeProblem(p));
        const more = result.problems.length - MAX_PRINTED_PROBLEMS;
        if (more > 0) ctx.io.out(`... and ${more} more (--json lists every problem)`);
      }
      const n = result.problems.length;
      const first = n === 1 ? `: ${describeProblem(result.problems[0]!)}` : '';
      ctx.io.err(
        `concord annotations import: error: refused, ${n} problem${n === 1 ? '' : 's'} in ${source}${first}; nothing was imported`,
      );
      return 1;
    }
    if (ctx.json) return 0;
    if (result.profileCreated)
      ctx.io.out(
        `Created labeler profile "${result.labeler}" without a PIN (blind rounds need one: concord profiles set-pin P ${result.labeler} --pin PIN).`,
      );
    ctx.io.out(
      `Imported ${result.items} item(s) for ${result.labeler}${result.round ? ` into round ${result.round}` : ''} under instructions version ${result.instructionsVersion}: ` +
        `${result.created} new, ${result.replaced} replaced, ${result.unchanged} unchanged; ${result.boxes} box(es).`,
    );
    for (const note of result.notes)
      ctx.io.out(note.startsWith('warning: ') ? `  ${note}` : `  note: ${note}`);
    return 0;
  },
};

export const annotationsExportCommand: CliCommand = {
  words: ['annotations', 'export'],
  usage:
    'concord annotations export P --labeler NAME --format concord|coco FILE [--round R] [--json]',
  summary:
    "write one labeler's annotations as a Concord or COCO file (their work outside rounds, or with --round their work in that round)",
  valueFlags: ['labeler', 'format', 'round'],
  async run(ctx) {
    const project = requireArg(ctx, 0, 'project file');
    const target = requireArg(ctx, 1, 'output file');
    if (ctx.args.length > 2) throw new UsageError(`unexpected argument "${ctx.args[2]}"`);
    const labelerName = labelerFlag(ctx);
    const format = formatFlag(ctx, ['concord', 'coco'] as const);
    const open = ctx.services().host.open(project);
    const result = exportAnnotations(open, {
      actor: cliOwner,
      labelerName,
      format,
      path: path.resolve(target),
      roundId: roundFlag(ctx, open.db),
    });
    if (ctx.json) {
      ctx.io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    ctx.io.out(
      `Wrote ${result.items} item(s) and ${result.boxes} box(es) of ${result.labeler}${result.round ? ` in round ${result.round}` : ''} to ${result.path}.`,
    );
    if (result.items === 0 && !result.round) {
      // The audit's trap: all of a labeler's work can be in rounds, which this file leaves out.
      const rounds = open.db
        .prepare(
          `SELECT DISTINCT r.name FROM annotations a JOIN rounds r ON r.id = a.round_id
            JOIN profiles p ON p.id = a.labeler_id WHERE p.name_key = lower(trim(?)) ORDER BY r.id`,
        )
        .pluck()
        .all(labelerName) as string[];
      if (rounds.length)
        ctx.io.out(
          `  note: ${result.labeler} has work in round ${rounds.join(', ')}; export it with --round ${rounds[0]}`,
        );
    }
    if (result.skippedAudio)
      ctx.io.out(`  note: ${result.skippedAudio} audio item(s) left out (COCO holds images only)`);
    return 0;
  },
};

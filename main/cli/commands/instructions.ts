import type { StoredInstructionVersion } from '../../../shared/api/schemas/instructions';
import { actorByName, cliOwner } from '../../services/identity/actor';
import { currentVersion, getVersion } from '../../services/instructions/instructionRepository';
import { exportInstructions } from '../../services/instructions/instructionService';
import type { CliCommand, CommandContext } from '../cliTypes';
import { requireArg, stringFlag, UsageError } from '../cliTypes';
import { applyInstructionsFile } from '../instructionsFile';

function versionFlag(ctx: CommandContext): number | undefined {
  const raw = stringFlag(ctx, 'version');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--version must be a positive whole number, got "${raw}"`);
  return n;
}

function firstLine(text: string, max = 90): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function describe(v: StoredInstructionVersion): string[] {
  const { spec } = v;
  const lines = [
    `${spec.name} — instructions version ${v.version}`,
    `  saved ${v.createdAt} by ${v.author}${v.note ? `: ${v.note}` : ''}`,
    '',
    `Classes (${spec.classes.length}):`,
  ];
  if (spec.classes.length === 0) lines.push('  (none yet)');
  for (const c of spec.classes) {
    const key = c.hotkey ? `[${c.hotkey}]` : '[ ]';
    const desc = firstLine(c.description);
    lines.push(`  ${key} ${c.name}  ${c.color}${desc ? `  — ${desc}` : ''}`);
    for (const a of c.attributes) {
      lines.push(
        `      ${a.name}: ${a.type}${a.type === 'enum' ? ` (${a.options.join(', ')})` : ''}`,
      );
    }
    if (c.examples.length) lines.push(`      ${c.examples.length} example(s)`);
  }
  const tags = spec.tags.map(
    (t) => `${t.name}${t.noDefects ? ' (no defects)' : ''}${t.hotkey ? ` [${t.hotkey}]` : ''}`,
  );
  lines.push('', `Tags: ${tags.join(', ') || '(none)'}`);
  const t = spec.transcript;
  const rules = [
    t.lowercase ? 'lowercase' : 'keep case',
    t.stripPunctuation ? 'strip punctuation' : 'keep punctuation',
    `numbers ${t.numbers}`,
    `fillers ${t.fillers.join('/') || 'none'} (${t.dropFillers ? 'dropped' : 'kept'})`,
  ];
  lines.push(`Transcripts: ${rules.join(', ')}`);
  return lines;
}

export const instructionsShowCommand: CliCommand = {
  words: ['instructions', 'show'],
  usage: 'concord instructions show P [--version N] [--json]',
  summary: 'print the labeling instructions (--json: the reusable instructions file)',
  valueFlags: ['version'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const version = versionFlag(ctx);
    const { db } = ctx.services().host.open(file);
    if (ctx.json) {
      ctx.io.out(exportInstructions(db, version).json.trimEnd());
      return;
    }
    const v = version === undefined ? currentVersion(db) : getVersion(db, version);
    for (const line of describe(v)) ctx.io.out(line);
  },
};

export const instructionsSetCommand: CliCommand = {
  words: ['instructions', 'set'],
  usage:
    'concord instructions set P spec.json [--note TEXT] [--as NAME] [--merge OLD=NEW] [--delete-boxes CLASS] [--json]',
  summary: 'save an instructions file as the next version',
  valueFlags: ['note', 'as'],
  listFlags: ['merge', 'delete-boxes'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const specFile = requireArg(ctx, 1, 'instructions file (spec.json)');
    const services = ctx.services();
    const { db } = services.host.open(file);
    const as = stringFlag(ctx, 'as');
    const author = as ? actorByName(db, as) : cliOwner;
    if (author.role !== 'lead')
      throw new UsageError(`--as ${author.name}: only a lead can change the instructions`);
    const list = (name: string) =>
      Array.isArray(ctx.flags[name]) ? (ctx.flags[name] as string[]) : undefined;
    const saved = await applyInstructionsFile(services, specFile, author, {
      note: stringFlag(ctx, 'note'),
      merge: list('merge'),
      deleteBoxes: list('delete-boxes'),
    });
    if (ctx.json) {
      ctx.io.out(
        JSON.stringify(
          {
            version: saved.version,
            classes: saved.spec.classes.length,
            tags: saved.spec.tags.length,
            unchanged: saved.unchanged,
            rewrittenAnnotations: saved.rewrittenAnnotations,
            warnings: saved.warnings,
          },
          null,
          2,
        ),
      );
      return;
    }
    ctx.io.out(
      saved.unchanged
        ? `No changes: the file matches instructions version ${saved.version}, so no new version was saved`
        : `Saved instructions version ${saved.version} (${saved.spec.classes.length} classes, ${saved.spec.tags.length} tags)`,
    );
    if (saved.rewrittenAnnotations)
      ctx.io.out(`  rewrote ${saved.rewrittenAnnotations} annotation(s)`);
    for (const w of saved.warnings) ctx.io.out(`  warning: ${w}`);
  },
};

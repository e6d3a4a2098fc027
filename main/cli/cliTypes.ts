import type { Services } from '../services/appServices';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Raised for wrong usage: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface CommandContext {
  /** Positional arguments after the command words. */
  args: string[];
  flags: Record<string, string | boolean | string[]>;
  json: boolean;
  io: CliIo;
  /** Lazily created services (the CLI runs them in-process). */
  services(): Services;
}

export interface CliCommand {
  /** Command words, e.g. ['round', 'create']. */
  words: string[];
  usage: string;
  summary: string;
  /** Flags that take a value. */
  valueFlags?: string[];
  /** Flags that are on or off (`--json` and `--help` are accepted by every command). */
  booleanFlags?: string[];
  /** Flags that may repeat or take comma lists collected as arrays. */
  listFlags?: string[];
  run(ctx: CommandContext): Promise<number | void>;
}

export function stringFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.flags[name];
  if (v === undefined || v === false) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${name} needs a value`);
  return v;
}

export function requireArg(ctx: CommandContext, index: number, what: string): string {
  const v = ctx.args[index];
  if (!v) throw new UsageError(`missing ${what}`);
  return v;
}

/** A numeric flag checked by `check`; the error says what was wanted and what was given. */
export function numberFlag(
  ctx: CommandContext,
  name: string,
  check: (n: number) => boolean,
  want: string,
): number | undefined {
  const raw = stringFlag(ctx, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${name} must be ${want}, got "${raw}"`);
  return n;
}

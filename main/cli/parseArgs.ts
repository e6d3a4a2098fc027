import type { CliCommand } from './cliTypes';
import { UsageError } from './cliTypes';

export interface Parsed {
  args: string[];
  flags: Record<string, string | boolean | string[]>;
}

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag`. Which flags take values is
 * declared per command, so `--json` never swallows the next positional.
 */
export function parseArgs(argv: string[], command: CliCommand): Parsed {
  const valueFlags = new Set([...(command.valueFlags ?? []), ...(command.listFlags ?? [])]);
  const listFlags = new Set(command.listFlags ?? []);
  const booleanFlags = new Set(['json', 'help', ...(command.booleanFlags ?? [])]);
  const args: string[] = [];
  const flags: Parsed['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    let value: string | boolean = true;
    if (valueFlags.has(name)) {
      if (eq >= 0) value = a.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError(`--${name} needs a value`);
        value = next;
        i++;
      }
    } else if (eq >= 0) {
      throw new UsageError(`--${name} does not take a value`);
    } else if (!booleanFlags.has(name)) {
      throw new UsageError(`unknown option --${name} for "concord ${command.words.join(' ')}"`);
    }
    if (listFlags.has(name) && typeof value === 'string') {
      const prev = flags[name];
      flags[name] = [...(Array.isArray(prev) ? prev : []), ...value.split(',').filter(Boolean)];
    } else flags[name] = value;
  }
  return { args, flags };
}

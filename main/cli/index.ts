import { isAppError } from '../../shared/api/envelope';
import { describeDamage } from '../db/damage';
import { defaultAppDataDir } from '../appDataDir';
import type { Services } from '../services/appServices';
import { createServices } from '../services/appServices';
import { summarize } from '../services/project/projectHost';
import { RecentProjects } from '../services/project/recentProjects';
import type { CliCommand, CliIo } from './cliTypes';
import { UsageError } from './cliTypes';
import { commands } from './commands';
import { parseArgs } from './parseArgs';

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  for (const command of sorted) {
    if (command.words.every((w, i) => argv[i] === w))
      return { command, rest: argv.slice(command.words.length) };
  }
  return null;
}

function help(): string {
  // Usage on one line, what it does indented below: usages are too long for two columns.
  const lines = commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]);
  return [
    'Concord — consistent labels for images and audio.',
    '',
    'Commands (P is the project file; --json prints one JSON document):',
    ...lines,
  ].join('\n');
}

/**
 * The services a command runs on. Projects the CLI creates or opens are recorded in the
 * same recent-projects file the app reads, so `concord init` shows up in the app's list.
 */
function cliServices(): Services {
  const appDataDir = defaultAppDataDir();
  const services = createServices({ appDataDir, transport: 'cli' });
  const recent = new RecentProjects(appDataDir);
  services.host.onOpen((p) => {
    try {
      recent.touch(p.path, summarize(p).name);
    } catch {
      // the recent list is a convenience: a read-only app folder must not fail the command
    }
  });
  return services;
}

/** Runs one command; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`concord: unknown command "${argv.slice(0, 2).join(' ')}". Run "concord --help".`);
    return 2;
  }
  const { command, rest } = found;
  let services: Services | null = null;
  try {
    const { args, flags } = parseArgs(rest, command);
    if (flags.help) {
      io.out(`Usage: ${command.usage}\n${command.summary}`);
      return 0;
    }
    const code = await command.run({
      args,
      flags,
      json: flags.json === true,
      io,
      services: () => (services ??= cliServices()),
    });
    return code ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      // One line, like every other failure: the usage hint rides along in brackets.
      io.err(`concord ${command.words.join(' ')}: ${e.message} (usage: ${command.usage})`);
      return 2;
    }
    const shown = describeDamage(e, (services as Services | null)?.host.current?.path);
    const message = isAppError(shown) || shown instanceof Error ? shown.message : String(shown);
    io.err(`concord ${command.words.join(' ')}: error: ${message.split('\n')[0]}`);
    return 1;
  } finally {
    (services as Services | null)?.shutdown();
  }
}

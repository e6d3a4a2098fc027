import { summarize } from '../../services/project/projectHost';
import type { CliCommand } from '../cliTypes';
import { requireArg, stringFlag, UsageError } from '../cliTypes';

export const initCommand: CliCommand = {
  words: ['init'],
  usage: 'concord init P --name NAME [--instructions spec.json] [--json]',
  summary: 'create a new project file',
  valueFlags: ['name', 'instructions'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const name = stringFlag(ctx, 'name');
    if (!name) throw new UsageError('--name is required');
    const instructions = stringFlag(ctx, 'instructions');
    if (instructions) (await import('../instructionsFile')).preflightInstructionsFile(instructions);
    const services = ctx.services();
    const project = services.host.create(file, name);
    if (instructions) {
      const { applyInstructionsFile } = await import('../instructionsFile');
      await applyInstructionsFile(services, instructions, 'cli');
    }
    const summary = summarize(project);
    if (ctx.json) ctx.io.out(JSON.stringify(summary, null, 2));
    else ctx.io.out(`Created project "${summary.name}" at ${summary.path}`);
  },
};

import path from 'node:path';
import { startHttpServer } from '../../transport/http';
import type { CliCommand } from '../cliTypes';
import { stringFlag, UsageError } from '../cliTypes';
import { rendererDir } from '../../rendererDir';

export const serveCommand: CliCommand = {
  words: ['serve'],
  usage: 'concord serve [P] [--port N]',
  summary: 'serve the app over the loopback transport; prints the URL (with its token) first',
  valueFlags: ['port'],
  async run(ctx) {
    const file = ctx.args[0];
    const portFlag = stringFlag(ctx, 'port');
    const port = portFlag === undefined ? 0 : Number(portFlag);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0-65535, got "${portFlag}"`);
    const services = ctx.services();
    if (file) services.host.open(path.resolve(file));
    const server = await startHttpServer({
      services,
      rendererDir: rendererDir(),
      port,
      token: process.env.CONCORD_TOKEN,
    });
    ctx.io.out(server.launchUrl);
    if (!ctx.json)
      ctx.io.err(
        `Concord is serving ${file ? path.resolve(file) : 'the start screen'} on ${server.url} (Ctrl+C to stop)`,
      );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};

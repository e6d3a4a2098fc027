import path from 'node:path';
import { importAssets } from '../../services/assets/importAssets';
import type { CliCommand } from '../cliTypes';
import { requireArg, stringFlag, UsageError } from '../cliTypes';

export const importCommand: CliCommand = {
  words: ['import'],
  usage: 'concord import P PATH... [--metadata meta.csv] [--copy] [--json]',
  summary: 'import image and audio files or folders (recursive)',
  valueFlags: ['metadata'],
  booleanFlags: ['copy'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const paths = ctx.args.slice(1).map((p) => path.resolve(p));
    if (paths.length === 0) throw new UsageError('give at least one file or folder to import');
    const metadata = stringFlag(ctx, 'metadata');
    const services = ctx.services();
    const project = services.host.open(file);
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    let lastLine = 0;
    try {
      const result = await importAssets(
        project,
        {
          paths,
          mode: ctx.flags.copy ? 'copy' : 'reference',
          metadataCsv: metadata ? path.resolve(metadata) : undefined,
        },
        {
          signal: controller.signal,
          onProgress: (done, total) => {
            const now = Date.now();
            if (!ctx.json && process.stderr.isTTY && now - lastLine > 250) {
              lastLine = now;
              process.stderr.write(`\rimporting ${done}/${total}`);
            }
          },
        },
      );
      if (!ctx.json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify(
            {
              imported: result.imported,
              duplicates: result.duplicates,
              failed: result.failed,
              cancelled: result.cancelled,
              metadataWarnings: result.metadataWarnings,
            },
            null,
            2,
          ),
        );
      } else {
        ctx.io.out(
          `Imported ${result.imported}, skipped ${result.duplicates} duplicate(s), ${result.failed.length} failed.`,
        );
        for (const f of result.failed) ctx.io.out(`  failed: ${f.path}: ${f.error}`);
        for (const w of result.metadataWarnings) ctx.io.out(`  metadata: ${w}`);
        if (result.cancelled)
          ctx.io.out('Import was cancelled; the files imported so far are kept.');
      }
      // Valid files imported => success, even when some files failed (each is listed).
      return result.imported === 0 && result.duplicates === 0 && result.failed.length > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};

import { listAssets } from '../../services/assets/assetRepository';
import type { Asset } from '../../../shared/api/schemas/assets';
import type { CliCommand } from '../cliTypes';
import { requireArg } from '../cliTypes';

function describe(a: Asset): string {
  const size =
    a.kind === 'image' ? `${a.width}x${a.height}` : `${(a.durationSec ?? 0).toFixed(2)}s`;
  const meta = Object.entries(a.metadata)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${String(a.id).padStart(5)}  ${a.kind.padEnd(5)}  ${size.padEnd(11)}  ${a.relPath}${meta ? `  ${meta}` : ''}`;
}

export const assetsCommand: CliCommand = {
  words: ['assets'],
  usage: 'concord assets P [--json]',
  summary: 'list every asset (id, path, kind, displayed size or duration, metadata)',
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const services = ctx.services();
    const { db } = services.host.open(file);
    const items: Asset[] = [];
    const pageSize = 2000;
    for (let offset = 0; ; offset += pageSize) {
      const page = listAssets(db, { offset, limit: pageSize });
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    if (ctx.json) {
      const rows = items.map((a) => ({
        id: a.id,
        path: a.relPath,
        kind: a.kind,
        width: a.width,
        height: a.height,
        duration: a.durationSec,
        format: a.format,
        sha256: a.sha256,
        stored: a.stored,
        metadata: a.metadata,
      }));
      ctx.io.out(JSON.stringify({ assets: rows, total: rows.length }, null, 2));
      return;
    }
    if (items.length === 0) ctx.io.out('No assets yet. Add some with: concord import P PATH...');
    for (const a of items) ctx.io.out(describe(a));
    if (items.length) ctx.io.out(`${items.length} asset(s)`);
  },
};

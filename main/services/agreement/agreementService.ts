import { AppError } from '../../../shared/api/envelope';
import type { AgreementReport } from '../../../shared/api/schemas/agreement';
import type {
  AgreementItem,
  AgreementItemDetail,
  AgreementView,
  ItemFilter,
} from '../../../shared/api/schemas/agreementChannels';
import type { AssetKind } from '../../../shared/api/schemas/assets';
import { computeAgreement } from '../../../shared/domain/agreement/report';
import { NO_DEFECTS_VALUE } from '../../../shared/domain/agreement/tagValues';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import type { AgreementData, ScopeInput } from './agreementData';
import { leftOutSummary, loadAgreementData } from './agreementData';
import { blindError } from '../rounds/blindness';
import { describeItem, matchesFilter } from './itemFilter';

export interface ReportOptions extends ScopeInput {
  iou: number;
  /** Bootstrap resamples for the 95% intervals (0 skips them). */
  bootstrapSamples?: number;
}

function nothingToCompare(data: AgreementData): AppError {
  const where = data.round ? `round ${data.round.name}` : 'this project';
  const version =
    data.instructionsVersion !== null ? ` under instructions v${data.instructionsVersion}` : '';
  return new AppError(
    'NOT_FOUND',
    data.round
      ? `Nothing to compare in ${where}${version}: it has fewer than two labelers`
      : `Nothing to compare in ${where}${version} yet: no item has been annotated by two or more people`,
  );
}

/** Computes the report over already loaded (and blindness-checked) data. */
export function reportFor(
  data: AgreementData,
  iou: number,
  bootstrapSamples = 1000,
): AgreementReport {
  if (data.labelers.length < 2) throw nothingToCompare(data);
  const classNames = Object.fromEntries(data.classes.map((c) => [c.id, c.name]));
  try {
    return computeAgreement({
      labelers: data.labelers,
      items: data.items,
      docs: data.docs,
      iou,
      classNames,
      transcriptRules: data.spec.transcript,
      noDefectsTagId: data.spec.tags.find((t) => t.noDefects)?.id ?? null,
      bootstrap: { samples: bootstrapSamples, seed: 1 },
      round: data.round?.name ?? null,
    });
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
}

/** The full report (with per-item rows), as the CLI prints it. */
export function agreementReport(db: Db, actor: Actor, options: ReportOptions): AgreementReport {
  return reportFor(loadAgreementData(db, actor, options), options.iou, options.bootstrapSamples);
}

/** The report for the screen: without per-item rows, with the scope and class colours. */
export function agreementView(db: Db, actor: Actor, options: ReportOptions): AgreementView {
  const data = loadAgreementData(db, actor, options);
  const { perItem: _perItem, ...report } = reportFor(data, options.iou, options.bootstrapSamples);
  return {
    report,
    round: data.round
      ? {
          id: data.round.id,
          name: data.round.name,
          status: data.round.status,
          instructionsVersion: data.round.instructionsVersion,
        }
      : null,
    instructionsVersion: data.instructionsVersion,
    classes: data.classes,
    leftOut: leftOutSummary(data),
  };
}

interface AssetInfo {
  id: number;
  relPath: string;
  fileName: string;
  kind: AssetKind;
}

function assetInfo(db: Db, ids: number[]): Map<number, AssetInfo> {
  const out = new Map<number, AssetInfo>();
  const stmt = db.prepare(
    'SELECT id, rel_path AS relPath, file_name AS fileName, kind FROM assets WHERE id = ?',
  );
  for (const id of ids) {
    const row = stmt.get(id) as AssetInfo | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

/** The items behind a figure of the report, most disagreement first. */
export function agreementItems(
  db: Db,
  actor: Actor,
  options: ReportOptions & { filter: ItemFilter; limit: number },
): { total: number; items: AgreementItem[] } {
  const data = loadAgreementData(db, actor, options);
  const report = reportFor(data, options.iou, 0);
  const classNames = new Map(data.classes.map((c) => [c.id, c.name]));
  const tagNames = new Map<string, string>(data.spec.tags.map((t) => [t.id, t.name]));
  tagNames.set(NO_DEFECTS_VALUE, 'no defects');
  const hits = report.perItem
    .filter((item) => matchesFilter(item, options.filter))
    .sort((x, y) => y.disagreements - x.disagreements || Number(x.itemKey) - Number(y.itemKey));
  const page = hits.slice(0, options.limit);
  const assets = assetInfo(
    db,
    page.map((h) => Number(h.itemKey)),
  );
  const items: AgreementItem[] = [];
  for (const h of page) {
    const a = assets.get(Number(h.itemKey));
    if (!a) continue;
    items.push({
      assetId: a.id,
      relPath: a.relPath,
      fileName: a.fileName,
      kind: a.kind,
      labelers: h.labelers,
      fullAgreement: h.fullAgreement,
      disagreements: h.disagreements,
      summary: describeItem(
        h,
        options.filter.pair,
        (id) => classNames.get(id) ?? id,
        (id) => tagNames.get(id) ?? id,
      ),
    });
  }
  return { total: hits.length, items };
}

/** Every labeler's annotation of one item of the scope, with the item's comparison. */
export function agreementItemDetail(
  db: Db,
  actor: Actor,
  options: ScopeInput & { assetId: number; iou: number },
): AgreementItemDetail {
  const data = loadAgreementData(db, actor, options);
  const key = String(options.assetId);
  const asset = db
    .prepare('SELECT id, rel_path AS relPath, kind, width, height FROM assets WHERE id = ?')
    .get(options.assetId) as
    | { id: number; relPath: string; kind: AssetKind; width: number | null; height: number | null }
    | undefined;
  const blinded = data.leftOut.get(options.assetId);
  if (asset && blinded) throw blindError(asset.relPath, blinded);
  if (!asset || !data.items.includes(key)) {
    const where = data.round ? `round ${data.round.name}` : 'this comparison';
    throw new AppError('NOT_FOUND', `Asset ${options.assetId} is not an item of ${where}`);
  }
  const single: AgreementData = { ...data, items: [key] };
  const report = data.labelers.length >= 2 ? reportFor(single, options.iou, 0) : null;
  return {
    assetId: asset.id,
    relPath: asset.relPath,
    kind: asset.kind,
    width: asset.width,
    height: asset.height,
    annotations: data.labelers.map((labeler) => ({
      labeler,
      doc: data.docs.get(labeler)?.get(key) ?? null,
    })),
    pairs: report?.perItem[0]?.pairs ?? null,
    classes: data.classes,
    tags: data.tags,
  };
}

import type { AgreementTrend, TrendPoint } from '../../../shared/api/schemas/agreementChannels';
import type { ClassDef } from '../../../shared/api/schemas/instructionSpec';
import { isAppError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { currentVersion, findVersion } from '../instructions/instructionRepository';
import { roundBlindsActor } from '../rounds/blindness';
import { listRounds } from '../rounds/roundRepository';
import type { AgreementData } from './agreementData';
import { classStyles, leftOutSummary, loadAgreementData } from './agreementData';
import { reportFor } from './agreementService';

/** Fewer resamples than a single report: a trend computes one report per point. */
const TREND_BOOTSTRAP = 400;
/** An F1 change at least this large is worth a sentence. */
const NOTABLE_CHANGE = 0.1;

const f2 = (x: number) => x.toFixed(2);

/** What a lead changes when revising a class (colour and hotkey are not a revision). */
function classText(c: ClassDef | undefined): string | null {
  if (!c) return null;
  return JSON.stringify([c.name, c.description, c.attributes, c.examples]);
}

/** The first version in (from, to] that revised `classId`, or null. */
function revisedIn(db: Db, classId: string, from: number, to: number): number | null {
  let prev = classText(findVersion(db, from)?.spec.classes.find((c) => c.id === classId));
  for (let v = from + 1; v <= to; v++) {
    const cur = classText(findVersion(db, v)?.spec.classes.find((c) => c.id === classId));
    if (cur !== null && cur !== prev) return v;
    prev = cur;
  }
  return null;
}

function insights(db: Db, points: TrendPoint[], className: (id: string) => string): string[] {
  const out: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    for (const cq of q.perClass) {
      const cp = p.perClass.find((c) => c.classId === cq.classId);
      if (!cp || cp.f1 === null || cq.f1 === null) continue;
      const delta = cq.f1 - cp.f1;
      const from = p.instructionsVersion;
      const to = q.instructionsVersion;
      const revised =
        from !== null && to !== null && to > from ? revisedIn(db, cq.classId, from, to) : null;
      const name = className(cq.classId);
      const span = `${p.label} → ${q.label}, ${cp.items} → ${cq.items} items`;
      if (revised !== null && Math.abs(delta) >= 0.05) {
        out.push(
          `After revising '${name}' in v${revised}, its F1 went from ${f2(cp.f1)} to ${f2(cq.f1)} (${span}).`,
        );
      } else if (Math.abs(delta) >= NOTABLE_CHANGE) {
        const verb = delta > 0 ? 'rose' : 'fell';
        out.push(
          `'${name}' F1 ${verb} from ${f2(cp.f1)} to ${f2(cq.f1)} without a change to its instructions (${span}).`,
        );
      }
    }
  }
  return out;
}

function point(
  label: string,
  roundId: number | null,
  version: number | null,
  load: () => AgreementData,
  iou: number,
): TrendPoint | null {
  let report;
  let data: AgreementData;
  try {
    data = load();
    report = reportFor(data, iou, TREND_BOOTSTRAP);
  } catch (e) {
    // A point with nothing to compare is left out; anything else is a real failure.
    if (isAppError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  }
  return {
    label,
    roundId,
    instructionsVersion: version,
    items: report.items,
    f1: report.boxes.f1,
    f1Ci95: report.boxes.f1Ci95,
    cohenKappa: report.tags.cohenKappa,
    krippendorffAlpha: report.tags.krippendorffAlpha,
    perClass: report.boxes.perClass.map((c) => ({
      classId: c.classId,
      f1: c.f1,
      ci95: c.ci95,
      items: c.items,
    })),
    leftOut: leftOutSummary(data),
  };
}

/**
 * Per-class F1 across rounds (in creation order) or across instruction versions, with
 * sentences about classes whose agreement moved after their instructions were revised.
 * Open rounds that blind the caller are left out and named.
 */
export function agreementTrend(
  db: Db,
  actor: Actor,
  by: 'round' | 'instructionsVersion',
  iou: number,
): AgreementTrend {
  const points: TrendPoint[] = [];
  const hiddenRounds: string[] = [];
  if (by === 'round') {
    for (const round of listRounds(db, {})) {
      if (roundBlindsActor(db, actor, round)) {
        hiddenRounds.push(round.name);
        continue;
      }
      const p = point(
        round.name,
        round.id,
        round.instructionsVersion,
        () => loadAgreementData(db, actor, { roundId: round.id }),
        iou,
      );
      if (p) points.push(p);
    }
  } else {
    const versions = db
      .prepare('SELECT version FROM instruction_versions ORDER BY version')
      .pluck()
      .all() as number[];
    for (const v of versions) {
      const p = point(
        `v${v}`,
        null,
        v,
        () => loadAgreementData(db, actor, { instructionsVersion: v }),
        iou,
      );
      if (p) points.push(p);
    }
  }
  const specs = [currentVersion(db).spec];
  for (const p of points) {
    if (p.instructionsVersion !== null) {
      const v = findVersion(db, p.instructionsVersion);
      if (v) specs.push(v.spec);
    }
  }
  const classes = classStyles(specs);
  const names = new Map(classes.map((c) => [c.id, c.name]));
  return {
    by,
    points,
    classes,
    insights: insights(db, points, (id) => names.get(id) ?? id),
    hiddenRounds,
  };
}

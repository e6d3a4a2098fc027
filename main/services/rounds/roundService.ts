import { AppError } from '../../../shared/api/envelope';
import type {
  RoundDetails,
  RoundPreview,
  RoundStatus,
  RoundSummary,
  SampleSizeSpec,
  SamplingSpec,
  StratifySpec,
} from '../../../shared/api/schemas/rounds';
import type { AssetKind } from '../../../shared/api/schemas/assets';
import type { Db } from '../../db/connection';
import type { Actor } from '../identity/actor';
import { assertRole } from '../identity/actor';
import { currentVersion, getVersion } from '../instructions/instructionRepository';
import type { RoundRow } from './roundRepository';
import {
  getRound,
  insertRound,
  isRoundItem,
  isRoundLabeler,
  listRounds,
  markClosed,
  nextRoundName,
  roundLabelers,
  roundProgress,
} from './roundRepository';
import { assertRoundLabelers } from './roundLabelers';
import { drawRoundSample } from './roundSampling';

/** A draft after zod defaults (the service's view of `rounds:create` / the CLI flags). */
export interface ParsedDraft {
  labelerIds: number[];
  size: SampleSizeSpec;
  stratify: StratifySpec;
  kind?: AssetKind | undefined;
  seed?: number | undefined;
  showSuggestions: boolean;
  instructionsVersion?: number | undefined;
  name?: string | undefined;
}

/** A seed for a draft that did not give one: random, and recorded with the round. */
function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

type SamplingDraft = Pick<ParsedDraft, 'size' | 'stratify' | 'kind' | 'seed'>;

function samplingSpec(draft: SamplingDraft): SamplingSpec {
  return {
    size: draft.size,
    stratify: draft.stratify,
    kind: draft.kind ?? null,
    seed: draft.seed ?? freshSeed(),
  };
}

/** Summary of a round as `actor` may see it: a labeler sees only their own progress. */
export function toSummary(db: Db, actor: Actor, row: RoundRow): RoundSummary {
  const isLead = actor.role === 'lead';
  const labelers = roundLabelers(db, row.id).map((l) => ({
    id: l.id,
    name: l.name,
    progress: isLead || l.id === actor.id ? roundProgress(db, row.id, l.id) : null,
  }));
  const mine = labelers.find((l) => l.id === actor.id)?.progress ?? null;
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    createdBy: row.createdByName,
    instructionsVersion: row.instructionsVersion,
    showSuggestions: row.showSuggestions,
    status: row.status,
    closedAt: row.closedAt,
    itemCount: row.itemCount,
    sampling: row.sampling.spec,
    labelers,
    mine,
    strata: row.sampling.strata,
    candidates: row.sampling.candidates,
  };
}

const toDetails = (db: Db, actor: Actor, row: RoundRow): RoundDetails => toSummary(db, actor, row);

/** A round `actor` may look at: leads see all, a labeler only the rounds they label in. */
export function visibleRound(db: Db, actor: Actor, roundId: number): RoundRow {
  const row = getRound(db, roundId);
  if (actor.role !== 'lead' && (actor.id === null || !isRoundLabeler(db, roundId, actor.id))) {
    // Same answer as for a missing round: which rounds exist is none of a non-member's business.
    throw new AppError('NOT_FOUND', `No round with id ${roundId} in this project`);
  }
  return row;
}

/** The sample a draft would draw (the create dialog shows it before the lead commits). */
export function previewRound(db: Db, actor: Actor, draft: SamplingDraft): RoundPreview {
  assertRole(actor, 'lead', 'draw a round');
  const spec = samplingSpec(draft);
  const drawn = drawRoundSample(db, actor, spec);
  return {
    candidates: drawn.candidates,
    items: drawn.items.length,
    strata: drawn.strata,
    seed: spec.seed,
  };
}

export function createRound(db: Db, actor: Actor, draft: ParsedDraft): RoundDetails {
  assertRole(actor, 'lead', 'create a round');
  assertRoundLabelers(db, draft.labelerIds);
  const version = draft.instructionsVersion ?? currentVersion(db).version;
  getVersion(db, version);
  const spec = samplingSpec(draft);
  const roundId = db
    .transaction(() => {
      const name = draft.name ?? nextRoundName(db);
      if (db.prepare('SELECT 1 FROM rounds WHERE name = ?').get(name)) {
        throw new AppError(
          'CONFLICT',
          `A round named "${name}" already exists; choose another name`,
        );
      }
      const drawn = drawRoundSample(db, actor, spec);
      return insertRound(db, {
        name,
        createdById: actor.id,
        createdByName: actor.name,
        instructionsVersion: version,
        showSuggestions: draft.showSuggestions,
        sampling: { spec, strata: drawn.strata, candidates: drawn.candidates },
        labelerIds: draft.labelerIds,
        items: drawn.items,
      });
    })
    .immediate();
  return toDetails(db, actor, getRound(db, roundId));
}

export function listRoundSummaries(db: Db, actor: Actor, status?: RoundStatus): RoundSummary[] {
  if (actor.role !== 'lead' && actor.id === null) return [];
  const rows = listRounds(db, { status, memberId: actor.role === 'lead' ? undefined : actor.id! });
  return rows.map((r) => toSummary(db, actor, r));
}

export function roundDetails(db: Db, actor: Actor, roundId: number): RoundDetails {
  return toDetails(db, actor, visibleRound(db, actor, roundId));
}

/** Freezes a round. Closing a closed round is a no-op (the answer is the same). */
export function closeRound(db: Db, actor: Actor, roundId: number): RoundDetails {
  assertRole(actor, 'lead', 'close a round');
  getRound(db, roundId);
  db.transaction(() => markClosed(db, roundId, actor.name)).immediate();
  return toDetails(db, actor, getRound(db, roundId));
}

/**
 * A round item `actor` may open in that round's context: the round is visible to them
 * (a lead, or a labeler of the round) and contains the asset.
 */
export function assertRoundItem(db: Db, actor: Actor, roundId: number, assetId: number): RoundRow {
  const round = visibleRound(db, actor, roundId);
  if (!isRoundItem(db, roundId, assetId)) {
    throw new AppError('NOT_FOUND', `Asset ${assetId} is not an item of round ${round.name}`);
  }
  return round;
}

/**
 * Refuses a write of `actor`'s own work in a round that is closed, or that they do not label
 * in, or for an item the round does not contain. The annotations service calls this before
 * every save or submit that carries a roundId.
 */
export function assertRoundWritable(
  db: Db,
  actor: Actor,
  roundId: number,
  assetId: number,
): RoundRow {
  const round = assertRoundItem(db, actor, roundId, assetId);
  if (actor.id === null || !isRoundLabeler(db, roundId, actor.id)) {
    throw new AppError('FORBIDDEN', `${actor.name} does not label in round ${round.name}`);
  }
  if (round.status === 'closed') {
    throw new AppError(
      'FORBIDDEN',
      `Round ${round.name} is closed (frozen on ${round.closedAt!.slice(0, 10)}); its labels can no longer change. Ask a lead to start a new round.`,
    );
  }
  return round;
}

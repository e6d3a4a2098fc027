import type { Database } from 'better-sqlite3';

/**
 * Blind double-labeling rounds: the sample (round_items), who labels it (round_labelers),
 * and the round itself (instructions version, whether suggestions show, open or closed).
 *
 * round_items is indexed by asset first because the blindness rule asks "is this asset in
 * an open round?" on every read of someone else's annotation.
 *
 * A labeler re-labels an item in a new round independently of their earlier work on the
 * same asset, so annotations gain `round_id` (NULL = work outside rounds) and their key
 * becomes (asset, labeler, round). SQLite cannot drop a UNIQUE constraint in place, so the
 * table is rebuilt; see rebuildAnnotations.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE rounds (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES profiles(id),
      created_by_name TEXT NOT NULL,
      instructions_version INTEGER NOT NULL REFERENCES instruction_versions(version),
      show_suggestions INTEGER NOT NULL DEFAULT 0 CHECK (show_suggestions IN (0, 1)),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_at TEXT,
      closed_by_name TEXT,
      sampling_json TEXT NOT NULL,
      CHECK ((status = 'closed') = (closed_at IS NOT NULL))
    ) STRICT;

    CREATE TABLE round_labelers (
      round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
      labeler_id INTEGER NOT NULL REFERENCES profiles(id),
      PRIMARY KEY (round_id, labeler_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX round_labelers_labeler ON round_labelers(labeler_id, round_id);

    CREATE TABLE round_items (
      round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
      asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      stratum TEXT,
      PRIMARY KEY (round_id, asset_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX round_items_asset ON round_items(asset_id, round_id);
  `);
  rebuildAnnotations(db);
}

const ANNOTATION_COLUMNS = `id, asset_id, labeler_id, status, revision, instructions_version, doc_json, box_count,
  created_at, updated_at, submitted_at, reviewed_at, reviewed_by, review_comment`;

const REVISION_COLUMNS = `id, annotation_id, revision, saved_at, actor_id, actor_name, action, status,
  instructions_version, storage, doc_json, box_count`;

/**
 * Rebuilds annotations with round_id, keeping every row id (the revision log points at them).
 *
 * Migrations run inside a transaction with foreign keys ON, where PRAGMA foreign_keys cannot
 * be switched off, and DROP TABLE annotations would cascade-delete the whole revision log.
 * So both tables are renamed aside first (a rename carries the log's reference along to
 * the renamed table), new ones are created and filled, and the old ones dropped child first,
 * when nothing points at them any more:
 *
 *   annotations            -> annotations_v2            (dropped last)
 *   annotation_revisions   -> annotation_revisions_v2   (dropped first, with its trigger)
 */
function rebuildAnnotations(db: Database): void {
  db.exec(`
    ALTER TABLE annotation_revisions RENAME TO annotation_revisions_v2;
    ALTER TABLE annotations RENAME TO annotations_v2;

    CREATE TABLE annotations (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      labeler_id INTEGER NOT NULL REFERENCES profiles(id),
      round_id INTEGER REFERENCES rounds(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('working', 'submitted', 'accepted', 'sent_back')),
      revision INTEGER NOT NULL CHECK (revision > 0),
      instructions_version INTEGER REFERENCES instruction_versions(version),
      doc_json TEXT NOT NULL,
      box_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      submitted_at TEXT,
      reviewed_at TEXT,
      reviewed_by INTEGER REFERENCES profiles(id),
      review_comment TEXT
    ) STRICT;
    INSERT INTO annotations (${ANNOTATION_COLUMNS}, round_id)
      SELECT ${ANNOTATION_COLUMNS}, NULL FROM annotations_v2;

    CREATE TABLE annotation_revisions (
      id INTEGER PRIMARY KEY,
      annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      saved_at TEXT NOT NULL,
      actor_id INTEGER REFERENCES profiles(id),
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      status TEXT NOT NULL,
      instructions_version INTEGER,
      storage TEXT NOT NULL CHECK (storage IN ('full', 'delta')),
      doc_json TEXT NOT NULL,
      box_count INTEGER NOT NULL DEFAULT 0,
      UNIQUE (annotation_id, revision)
    ) STRICT;
    INSERT INTO annotation_revisions (${REVISION_COLUMNS})
      SELECT ${REVISION_COLUMNS} FROM annotation_revisions_v2;

    DROP TABLE annotation_revisions_v2;
    DROP TABLE annotations_v2;

    -- One annotation per labeler and asset outside rounds (round_id NULL), and one per round.
    CREATE UNIQUE INDEX annotations_key ON annotations(asset_id, labeler_id, ifnull(round_id, 0));
    CREATE INDEX annotations_labeler ON annotations(labeler_id, status, asset_id);
    CREATE INDEX annotations_round ON annotations(round_id, labeler_id) WHERE round_id IS NOT NULL;

    CREATE TRIGGER annotation_revisions_no_update BEFORE UPDATE ON annotation_revisions
    BEGIN SELECT RAISE(ABORT, 'annotation_revisions is append-only'); END;
  `);
}

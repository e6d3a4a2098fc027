import type { Database } from 'better-sqlite3';

/**
 * Blind double-labeling rounds: the sample (round_items), who labels it (round_labelers),
 * and the round itself (instructions version, whether suggestions show, open or closed).
 *
 * round_items is indexed by asset first because the blindness rule asks "is this asset in
 * an open round?" on every read of someone else's annotation.
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
}

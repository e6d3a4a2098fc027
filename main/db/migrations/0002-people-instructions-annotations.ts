import type { Database } from 'better-sqlite3';

/**
 * People (profiles), versioned labeling instructions, and annotations with their
 * append-only revision log.
 *
 * annotations holds the latest state of one labeler's work on one asset (what the editor
 * opens and the queue counts); annotation_revisions is the change log that review, audit and
 * undo-after-restart read. A revision stores either the whole document ('full') or only what
 * changed since the previous revision ('delta'), so autosaving a 5,000-box image every
 * second does not write megabytes per second.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE profiles (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('lead', 'labeler')),
      secret_hash TEXT,
      created_at TEXT NOT NULL,
      last_sign_in_at TEXT,
      CHECK (role <> 'lead' OR secret_hash IS NOT NULL)
    ) STRICT;

    CREATE TABLE instruction_versions (
      version INTEGER PRIMARY KEY CHECK (version > 0),
      spec_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      author_id INTEGER REFERENCES profiles(id),
      author_name TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE annotations (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      labeler_id INTEGER NOT NULL REFERENCES profiles(id),
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
      review_comment TEXT,
      UNIQUE (asset_id, labeler_id)
    ) STRICT;
    CREATE INDEX annotations_labeler ON annotations(labeler_id, status, asset_id);

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

    -- Append-only: the log is evidence for review and audit.
    CREATE TRIGGER annotation_revisions_no_update BEFORE UPDATE ON annotation_revisions
    BEGIN SELECT RAISE(ABORT, 'annotation_revisions is append-only'); END;
  `);
}

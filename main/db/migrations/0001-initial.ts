import type { Database } from 'better-sqlite3';

/** Project identity, assets with their metadata, and the import log. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE project (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by_app TEXT NOT NULL,
      is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1))
    ) STRICT;

    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      mode TEXT NOT NULL CHECK (mode IN ('reference', 'copy')),
      imported INTEGER NOT NULL DEFAULT 0,
      duplicates INTEGER NOT NULL DEFAULT 0,
      failures_json TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'cancelled', 'interrupted'))
    ) STRICT;

    CREATE TABLE assets (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('image', 'audio')),
      rel_path TEXT NOT NULL UNIQUE,
      file_name TEXT NOT NULL,
      stored TEXT NOT NULL CHECK (stored IN ('reference', 'copy')),
      format TEXT NOT NULL,
      bytes INTEGER NOT NULL CHECK (bytes > 0),
      sha256 TEXT NOT NULL UNIQUE,
      width INTEGER,
      height INTEGER,
      orientation INTEGER,
      duration_sec REAL,
      sample_rate INTEGER,
      channels INTEGER,
      imported_at TEXT NOT NULL,
      batch_id INTEGER REFERENCES import_batches(id)
    ) STRICT;
    CREATE INDEX assets_kind ON assets(kind, id);

    CREATE TABLE asset_metadata (
      asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('csv', 'exif', 'file')),
      PRIMARY KEY (asset_id, key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX asset_metadata_kv ON asset_metadata(key, value, asset_id);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}

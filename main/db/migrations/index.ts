import type { Database } from 'better-sqlite3';
import { up as initial } from './0001-initial';
import { up as peopleInstructionsAnnotations } from './0002-people-instructions-annotations';
import { up as rounds } from './0003-rounds';

export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Append only: never edit a migration that has shipped; add the next number instead. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'people-instructions-annotations', up: peopleInstructionsAnnotations },
  { version: 3, name: 'rounds', up: rounds },
];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;

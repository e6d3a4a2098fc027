import { AppError } from '../../../shared/api/envelope';
import type { Db } from '../../db/connection';
import { findProfileByName, findProfileRow, profileRows } from '../identity/profileRepository';

/**
 * Who may label in a blind round, checked in the service so the app, the HTTP API and the
 * CLI all give the same clear answer (never a raw UNIQUE constraint error).
 */

const quoteList = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** "ana", "ana and ben", "ana, ben and carl". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Everyone a round could include, for "unknown name" messages. */
function knownPeople(db: Db): string {
  const rows = profileRows(db);
  if (rows.length === 0) return 'this project has no profiles yet (add them on the People screen)';
  return `people in this project: ${rows.map((r) => (r.role === 'lead' ? `${r.name} (lead)` : r.name)).join(', ')}`;
}

/** The advice every "no PIN" refusal ends with. */
export const PIN_ADVICE =
  'blind rounds need a PIN for every labeler so nobody can sign in as someone else — set one on the People screen or with `concord profiles set-pin`';

/**
 * Resolves the CLI's `--labelers a,b` to profile ids, naming every unknown name at once
 * together with the people the project does have.
 */
export function labelerIdsByName(db: Db, names: readonly string[]): number[] {
  const unknown: string[] = [];
  const ids: number[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const row = name ? findProfileByName(db, name) : null;
    if (row) ids.push(row.id);
    else unknown.push(name || '(empty)');
  }
  if (unknown.length > 0) {
    throw new AppError('NOT_FOUND', `No profile named ${quoteList(unknown)}; ${knownPeople(db)}`);
  }
  return ids;
}

/**
 * Refuses a round's labeler list unless it names two or more distinct people who exist,
 * and every labeler among them has a PIN: without one, anyone could sign in as them and
 * read their work, and the round would not be blind.
 */
export function assertRoundLabelers(db: Db, ids: readonly number[]): void {
  const rows = ids.map((id) => ({ id, row: findProfileRow(db, id) }));
  const missing = rows.filter((r) => r.row === null).map((r) => r.id);
  if (missing.length > 0) {
    const what = missing.length === 1 ? `id ${missing[0]}` : `ids ${missing.join(', ')}`;
    throw new AppError('NOT_FOUND', `No profile with ${what}; ${knownPeople(db)}`);
  }
  const seen = new Set<number>();
  const twice: string[] = [];
  for (const { id, row } of rows) {
    if (seen.has(id) && !twice.includes(row!.name)) twice.push(row!.name);
    seen.add(id);
  }
  if (twice.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${andList(twice)} ${twice.length === 1 ? 'is' : 'are'} listed twice; name each labeler once`,
    );
  }
  if (rows.length < 2) {
    const only = rows[0]?.row?.name;
    throw new AppError(
      'INVALID_INPUT',
      `A round needs at least two labelers (it compares their work)${only ? `; only ${only} was given` : ''}`,
    );
  }
  const noPin = rows.filter((r) => r.row!.role === 'labeler' && r.row!.secretHash === null);
  if (noPin.length > 0) {
    const names = noPin.map((r) => r.row!.name);
    throw new AppError(
      'INVALID_INPUT',
      `${andList(names)} ${names.length === 1 ? 'has' : 'have'} no PIN; ${PIN_ADVICE}`,
    );
  }
}

import { AppError } from '../../../shared/api/envelope';
import type { Profile, ProfileDetails, Role } from '../../../shared/api/schemas/identity';
import type { Db } from '../../db/connection';

interface ProfileRow {
  id: number;
  name: string;
  role: Role;
  secretHash: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}

const COLUMNS = `id, name, role, secret_hash AS secretHash, created_at AS createdAt,
  last_sign_in_at AS lastSignInAt`;

/** Names are unique per project regardless of case and surrounding spaces ("Ana" = "ana "). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    hasSecret: row.secretHash !== null,
    createdAt: row.createdAt,
  };
}

export function profileRows(db: Db): ProfileRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM profiles ORDER BY role = 'labeler', name COLLATE NOCASE`)
    .all() as ProfileRow[];
}

export function findProfileRow(db: Db, id: number): ProfileRow | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM profiles WHERE id = ?`).get(id) as
      ProfileRow | undefined) ?? null
  );
}

export function getProfileRow(db: Db, id: number): ProfileRow {
  const row = findProfileRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', `No profile with id ${id} in this project`);
  return row;
}

export function findProfileByName(db: Db, name: string): ProfileRow | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM profiles WHERE name_key = ?`).get(nameKey(name)) as
      ProfileRow | undefined) ?? null
  );
}

export function leadCount(db: Db): number {
  return (
    db.prepare("SELECT COUNT(*) AS n FROM profiles WHERE role = 'lead'").get() as { n: number }
  ).n;
}

export function insertProfile(
  db: Db,
  p: { name: string; role: Role; secretHash: string | null },
): Profile {
  if (findProfileByName(db, p.name)) {
    throw new AppError(
      'CONFLICT',
      `A profile named "${p.name.trim()}" already exists in this project`,
    );
  }
  const createdAt = new Date().toISOString();
  const info = db
    .prepare(
      'INSERT INTO profiles (name, name_key, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(p.name.trim(), nameKey(p.name), p.role, p.secretHash, createdAt);
  return toProfile(getProfileRow(db, Number(info.lastInsertRowid)));
}

export function updateProfileRow(
  db: Db,
  id: number,
  patch: { name?: string; role?: Role; secretHash?: string | null },
): Profile {
  return db.transaction(() => {
    const row = getProfileRow(db, id);
    if (patch.name !== undefined && nameKey(patch.name) !== nameKey(row.name)) {
      const other = findProfileByName(db, patch.name);
      if (other && other.id !== id) {
        throw new AppError(
          'CONFLICT',
          `A profile named "${patch.name.trim()}" already exists in this project`,
        );
      }
    }
    const role = patch.role ?? row.role;
    const secretHash = patch.secretHash === undefined ? row.secretHash : patch.secretHash;
    if (row.role === 'lead' && role !== 'lead' && leadCount(db) <= 1) {
      throw new AppError(
        'CONFLICT',
        `${row.name} is the only lead; make someone else a lead first`,
      );
    }
    if (role === 'lead' && secretHash === null) {
      throw new AppError(
        'INVALID_INPUT',
        `A lead needs a passphrase: set one for ${row.name} to make them a lead`,
      );
    }
    const name = patch.name?.trim() ?? row.name;
    db.prepare(
      'UPDATE profiles SET name = ?, name_key = ?, role = ?, secret_hash = ? WHERE id = ?',
    ).run(name, nameKey(name), role, secretHash, id);
    return toProfile(getProfileRow(db, id));
  })();
}

export function touchSignIn(db: Db, id: number): void {
  db.prepare('UPDATE profiles SET last_sign_in_at = ? WHERE id = ?').run(
    new Date().toISOString(),
    id,
  );
}

export function profileDetails(db: Db): ProfileDetails[] {
  const counts = new Map(
    (
      db
        .prepare('SELECT labeler_id AS id, COUNT(*) AS n FROM annotations GROUP BY labeler_id')
        .all() as Array<{
        id: number;
        n: number;
      }>
    ).map((r) => [r.id, r.n]),
  );
  return profileRows(db).map((r) => ({
    ...toProfile(r),
    annotationCount: counts.get(r.id) ?? 0,
    lastSignInAt: r.lastSignInAt,
  }));
}

import path from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import type { CallContext } from '../../transport/dispatch';
import type { Actor } from '../identity/actor';
import type { SessionRegistry } from '../identity/sessionRegistry';
import type { ProjectHost } from './projectHost';

/**
 * Who may close the served project or replace it with another one.
 *
 * One process serves one project to every window and browser tab, so closing or switching
 * it signs everybody out. The rule:
 *
 *   no project open ......................... anyone who reached the transport (the start
 *                                             screen needs this before anybody signs in)
 *   project open, caller is a signed-in lead  may close / switch
 *   project open, caller is a labeler or      may close / switch only while nobody else is
 *   not signed in                             signed in (the person at the machine can always
 *                                             leave their own project), else FORBIDDEN
 *
 * The CLI does not come through here: it is the local owner and calls the services itself.
 */
export type ProjectExit = 'close' | 'switch';

/** "ana", "ana and Lead", "ana, ben and Lead". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function assertMayLeaveProject(
  host: ProjectHost,
  sessions: SessionRegistry,
  ctx: CallContext,
  exit: ProjectExit,
): void {
  if (!host.current) return;
  const me = sessions.current(ctx);
  if (me?.role === 'lead') return;
  const others: Actor[] = sessions.othersSignedIn(ctx);
  if (others.length === 0) return;
  const names = joinNames(others.map((a) => a.name));
  const verb = others.length === 1 ? 'is' : 'are';
  const action = exit === 'close' ? 'close it' : 'open another project';
  throw new AppError(
    'FORBIDDEN',
    `${names} ${verb} signed in to this project; only a lead can ${action} while others are working`,
  );
}

/** Opening the project that is already open changes nothing for anybody, so it is always allowed. */
export function isOpenAlready(host: ProjectHost, filePath: string): boolean {
  return host.current?.path === path.resolve(filePath);
}

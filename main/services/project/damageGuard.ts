import type { Handlers } from '../../transport/dispatch';
import { describeDamage } from '../../db/damage';
import type { ProjectHost } from './projectHost';

/**
 * Wraps every handler so a damaged-database error raised mid-session (a bad page the open
 * check could not see, or damage done while the project was open) reaches the user as a
 * BAD_FILE error naming the project file, not as "<channel> failed: database disk image is
 * malformed".
 */
export function reportDamage(host: ProjectHost, handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    const fn = handler as (input: unknown, ctx: unknown) => unknown;
    wrapped[channel] = async (input: unknown, ctx: unknown) => {
      const projectPath = host.current?.path;
      try {
        return await fn(input, ctx);
      } catch (e) {
        throw describeDamage(e, projectPath ?? host.current?.path);
      }
    };
  }
  return wrapped as Handlers;
}

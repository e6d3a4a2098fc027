import type { z } from 'zod';
import type { Channel, ChannelOutput, ParsedInput } from '../../shared/api/contract';
import { contract, isChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { isAppError } from '../../shared/api/envelope';

/** Who is calling. Transports fill it in; services decide what it may do. */
export interface CallContext {
  /** Transport-scoped key of the caller's session (a browser tab, an Electron window, the CLI). */
  sessionKey: string;
  transport: 'ipc' | 'http' | 'cli';
}

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };

/** Formats zod issues as "field: problem; other.field: problem". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The single entry point of both transports (and tests): validate the channel and the
 * input against the contract, run the handler, and wrap the outcome in the envelope.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  ctx: CallContext,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}"` },
    };
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid input for ${channel}: ${describeZodError(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    console.error(`[concord] ${channel} failed`, e);
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed: ${message}` } };
  }
}

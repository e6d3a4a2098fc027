// Every call over every transport answers with this envelope (no exceptions cross a
// process boundary): the caller always gets a code it can branch on and a message a
// person can read.
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NO_PROJECT',
  'BAD_FILE',
  'SCHEMA_TOO_NEW',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error a service raises on purpose; its message is shown to the user as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

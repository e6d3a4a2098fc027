import fs from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../shared/api/envelope';

/**
 * A transport-neutral answer to a GET for a file: the HTTP server writes it to a
 * ServerResponse, the Electron protocol handlers turn it into a fetch Response. Keeping
 * the decision (which file, which status, which headers) here means both shells share one
 * tested implementation of path confinement and byte ranges.
 */
export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  /** Bytes to send as they are (errors, generated data such as audio peaks). */
  body?: Buffer;
  /** A file to stream; with `range`, only bytes start..end (inclusive). */
  filePath?: string;
  range?: { start: number; end: number };
}

/** A JSON error in the contract's envelope, so a fetch() caller can show the message. */
export function errorResponse(status: number, code: ErrorCode, message: string): FileResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(JSON.stringify({ ok: false, error: { code, message } })),
  };
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a single `Range: bytes=a-b` header against a file size. Multi-range and malformed
 * headers are ignored (null: send the whole file), as RFC 9110 allows. Audio elements need
 * ranges to seek.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return null;
  if (size === 0) return 'unsatisfiable';
  if (a === '') {
    // Suffix range: the last N bytes.
    const n = Number(b);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Answers with a regular file on disk (never a directory, device or FIFO), honouring a
 * byte range. The caller has already decided that this path may be served.
 */
export async function fileResponse(
  filePath: string,
  headers: Record<string, string>,
  rangeHeader?: string | null,
): Promise<FileResponse> {
  let size: number;
  try {
    const st = await fs.promises.stat(filePath);
    if (!st.isFile()) return errorResponse(404, 'NOT_FOUND', `Not a file: ${filePath}`);
    size = st.size;
  } catch {
    return errorResponse(404, 'NOT_FOUND', `File is missing: ${filePath}`);
  }
  const base = { ...headers, 'accept-ranges': 'bytes', 'x-content-type-options': 'nosniff' };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...base, 'content-range': `bytes */${size}` },
      body: Buffer.alloc(0),
    };
  }
  if (range) {
    return {
      status: 206,
      headers: {
        ...base,
        'content-range': `bytes ${range.start}-${range.end}/${size}`,
        'content-length': String(range.end - range.start + 1),
      },
      filePath,
      range,
    };
  }
  return { status: 200, headers: { ...base, 'content-length': String(size) }, filePath };
}

/** Is `child` strictly inside folder `parent`? Both are resolved first; no symlinks followed. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel !== '' && !path.isAbsolute(rel) && rel.split(path.sep)[0] !== '..';
}

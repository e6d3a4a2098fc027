import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaFormat } from '../services/assets/mediaFormats';
import { describeFormat, extensionFor, isImageFormat } from '../services/assets/mediaFormats';
import type { ByteSource } from './byteSource';
import { bufferSource, FileSource } from './byteSource';
import { BadFile, readErrorMessage } from './badFile';
import type { ProbeInput, ProbeResult } from './mediaProtocol';
import { probeAudio } from './probeAudio';
import { probeImage } from './probeImage';
import { looksLikeText, sniffFormat } from './sniff';

/** Files up to this size are read in one go; larger ones are hashed and checked in windows. */
const IN_MEMORY_LIMIT = 32 * 1024 * 1024;

function wrongContent(
  expected: MediaFormat,
  actual: MediaFormat | null,
  head: Buffer,
  fileName: string,
): BadFile {
  const ext = path.extname(fileName);
  if (actual) {
    // Content decides what a file is, but a mismatched name is refused rather than silently
    // imported: the name travels into exports (YOLO/COCO file names), where other tools trust it.
    return new BadFile(
      `wrong extension: the content is ${describeFormat(actual)} but the name ends in ${ext}; rename it to ${extensionFor(actual)} to import it`,
    );
  }
  const what = isImageFormat(expected) ? 'not an image' : 'not an audio file';
  const text = looksLikeText(head) ? ' (it looks like a text file)' : '';
  return new BadFile(`${what}: the content is not ${describeFormat(expected)}${text}`);
}

/** Hash, sniff and probe one file. Every problem with the file comes back as `{ ok: false }`. */
export async function probeFile(input: ProbeInput): Promise<ProbeResult> {
  let fd: number | null = null;
  try {
    const st = await fs.promises.stat(input.path);
    if (!st.isFile()) return { ok: false, error: 'not a regular file' };
    if (st.size === 0) return { ok: false, error: 'empty file (0 bytes)' };
    let source: ByteSource;
    let sha256: string;
    let whole: Buffer | null = null;
    if (st.size <= IN_MEMORY_LIMIT) {
      whole = await fs.promises.readFile(input.path);
      source = bufferSource(whole);
      sha256 = createHash('sha256').update(whole).digest('hex');
    } else {
      fd = fs.openSync(input.path, 'r');
      source = new FileSource(fd, st.size);
      sha256 = hashFile(fd, st.size);
    }
    const head = Buffer.from(source.read(0, 512));
    const actual = sniffFormat(head);
    if (actual !== input.expected) throw wrongContent(input.expected, actual, head, input.path);
    const common = { sha256, bytes: source.size };
    if (isImageFormat(actual)) {
      const info = await probeImage(source, whole ?? input.path, actual, input.maxPixels);
      return { ok: true, asset: { kind: 'image', format: actual, ...common, ...info } };
    }
    const info = await probeAudio(source, actual, input.path);
    return { ok: true, asset: { kind: 'audio', format: actual, ...common, ...info } };
  } catch (e) {
    if (e instanceof BadFile) return { ok: false, error: e.message };
    if ((e as NodeJS.ErrnoException).code) return { ok: false, error: readErrorMessage(e) };
    throw e;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function hashFile(fd: number, size: number): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(4 << 20);
  for (let pos = 0; pos < size;) {
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    hash.update(buf.subarray(0, n));
    pos += n;
  }
  return hash.digest('hex');
}

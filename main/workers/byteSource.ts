import fs from 'node:fs';

/**
 * Random access to a file's bytes for the structure checks. Small files are held in memory;
 * large ones (long WAVs, huge TIFFs) are read through a window so the worker never needs
 * the whole file in memory. Reads are synchronous: this runs on a worker thread.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the file). Valid until the next read. */
  read(offset: number, length: number): Buffer;
  /** Offset of the next `byte` at or after `from`, or -1. */
  indexOf(byte: number, from: number): number;
}

export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    read: (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
    indexOf: (byte, from) => buf.indexOf(byte, from),
  };
}

const WINDOW = 1 << 20;

export class FileSource implements ByteSource {
  private window: Buffer = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  read(offset: number, length: number): Buffer {
    const end = Math.min(this.size, offset + length);
    if (offset >= end) return Buffer.alloc(0);
    if (offset >= this.windowStart && end <= this.windowStart + this.window.length) {
      return this.window.subarray(offset - this.windowStart, end - this.windowStart);
    }
    if (end - offset > WINDOW) {
      const out = Buffer.allocUnsafe(end - offset);
      const n = fs.readSync(this.fd, out, 0, out.length, offset);
      return out.subarray(0, n);
    }
    const buf = Buffer.allocUnsafe(Math.min(WINDOW, this.size - offset));
    const n = fs.readSync(this.fd, buf, 0, buf.length, offset);
    this.window = buf.subarray(0, n);
    this.windowStart = offset;
    return this.window.subarray(0, Math.min(n, end - offset));
  }

  indexOf(byte: number, from: number): number {
    for (let pos = from; pos < this.size;) {
      const chunk = this.read(pos, WINDOW);
      if (chunk.length === 0) return -1;
      const i = chunk.indexOf(byte);
      if (i >= 0) return pos + i;
      pos += chunk.length;
    }
    return -1;
  }
}

/** Readers for the fixed-width integers the container formats use. */
export function u16le(s: ByteSource, o: number): number {
  const b = s.read(o, 2);
  return b.length < 2 ? -1 : b.readUInt16LE(0);
}

export function u32le(s: ByteSource, o: number): number {
  const b = s.read(o, 4);
  return b.length < 4 ? -1 : b.readUInt32LE(0);
}

export function u32be(s: ByteSource, o: number): number {
  const b = s.read(o, 4);
  return b.length < 4 ? -1 : b.readUInt32BE(0);
}

export function ascii(s: ByteSource, o: number, n: number): string {
  return s.read(o, n).toString('latin1');
}

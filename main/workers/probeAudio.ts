// Audio headers: format, duration, and proof that the data the header announces is present
// (WAV data chunk size, MP3 frame chain and Xing/Info count, Ogg pages up to end-of-stream,
// FLAC last frame). Decoding is left to peaks generation, except as FLAC's fallback check.
import type { AudioFormat } from '../services/assets/mediaFormats';
import type { ByteSource } from './byteSource';
import { ascii, u16le, u32be, u32le } from './byteSource';
import { BadFile, truncated } from './badFile';
import { countDecodedSamples } from './audioDecode';
import { checkFlacTail, parseFlacHeader } from './probeFlac';
import { isMpegFrameHeader } from './sniff';

export interface AudioInfo {
  durationSec: number;
  sampleRate: number;
  channels: number;
}

export interface WavLayout extends AudioInfo {
  encoding: 'pcm' | 'float';
  bits: number;
  blockAlign: number;
  dataOffset: number;
  dataBytes: number;
}

export function parseWav(s: ByteSource): WavLayout {
  let fmt: Omit<WavLayout, 'durationSec' | 'dataOffset' | 'dataBytes'> | null = null;
  let pos = 12;
  while (pos + 8 <= s.size) {
    const id = ascii(s, pos, 4);
    const size = u32le(s, pos + 4);
    if (id === 'fmt ') {
      // The fields read below need 16 bytes (26 for WAVE_FORMAT_EXTENSIBLE); a file that
      // ends first would otherwise read as "-1-bit samples".
      if (size < 16)
        throw new BadFile(`not a valid WAV file: the format chunk has only ${size} bytes`);
      const tagAt = u16le(s, pos + 8);
      const needed = tagAt === 0xfffe && size >= 26 ? 26 : 16;
      if (pos + 8 + needed > s.size)
        throw truncated(
          'WAV',
          `the file ends inside its header (${s.size} bytes; the format chunk needs ${pos + 8 + needed})`,
        );
      let tag = tagAt;
      if (tag === 0xfffe && size >= 26) tag = u16le(s, pos + 32); // WAVE_FORMAT_EXTENSIBLE sub-format
      const bits = u16le(s, pos + 22);
      const encoding =
        tag === 1 && [8, 16, 24, 32].includes(bits)
          ? 'pcm'
          : tag === 3 && (bits === 32 || bits === 64)
            ? 'float'
            : null;
      if (!encoding)
        throw new BadFile(
          `WAV encoding ${tag} with ${bits}-bit samples is not supported (use PCM or float)`,
        );
      fmt = {
        encoding,
        bits,
        channels: u16le(s, pos + 10),
        sampleRate: u32le(s, pos + 12),
        blockAlign: u16le(s, pos + 20),
      };
      if (!fmt.channels || !fmt.sampleRate || !fmt.blockAlign)
        throw new BadFile('not a valid WAV file: bad format chunk');
    } else if (id === 'data') {
      if (!fmt)
        throw new BadFile('not a valid WAV file: the data chunk comes before the format chunk');
      const available = s.size - (pos + 8);
      if (size === 0xffffffff || (size === 0 && available > 0)) {
        throw truncated('WAV', 'the data size was never written (the recording was not finished)');
      }
      if (size > available)
        throw truncated(
          'WAV',
          `the header announces ${size} bytes of audio but only ${available} are present`,
        );
      if (size < fmt.blockAlign) throw new BadFile('the WAV file contains no audio samples');
      const durationSec = Math.floor(size / fmt.blockAlign) / fmt.sampleRate;
      return {
        ...fmt,
        durationSec,
        dataOffset: pos + 8,
        dataBytes: size - (size % fmt.blockAlign),
      };
    }
    pos += 8 + size + (size & 1);
  }
  if (fmt) throw truncated('WAV', 'the file ends before the audio data chunk');
  // Chunks that do not end exactly at the end of the file: it was cut inside the header.
  if (pos !== s.size) throw truncated('WAV', `the file ends inside its header (${s.size} bytes)`);
  throw new BadFile('not a valid WAV file: no format chunk');
}

const BITRATES: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

interface MpegFrame {
  length: number;
  samples: number;
  sampleRate: number;
  channels: number;
  sideInfo: number;
}

function mpegFrame(h: Buffer): MpegFrame | null {
  if (!isMpegFrameHeader(h)) return null;
  const version = (h[1]! >> 3) & 3;
  const layer = 4 - ((h[1]! >> 1) & 3);
  const v1 = version === 3;
  const kbps = BITRATES[`${v1 ? 1 : 2}-${v1 ? layer : Math.min(layer, 2)}`]![h[2]! >> 4]!;
  const sampleRate = RATES[version]![(h[2]! >> 2) & 3]!;
  const pad = (h[2]! >> 1) & 1;
  if (kbps === 0) return null; // free format: no frame length in the header
  const samples = layer === 1 ? 384 : layer === 3 && !v1 ? 576 : 1152;
  const length =
    layer === 1
      ? (Math.floor((12 * kbps * 1000) / sampleRate) + pad) * 4
      : Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + pad;
  const mono = h[3]! >> 6 === 3;
  return {
    length,
    samples,
    sampleRate,
    channels: mono ? 1 : 2,
    sideInfo: v1 ? (mono ? 17 : 32) : mono ? 9 : 17,
  };
}

const isTrailer = (s: ByteSource, p: number) => ['TAG', 'APE', 'LYR'].includes(ascii(s, p, 3));

export function probeMp3(s: ByteSource): AudioInfo {
  let pos = 0;
  if (ascii(s, 0, 3) === 'ID3') {
    const h = s.read(0, 10);
    const size =
      ((h[6]! & 0x7f) << 21) | ((h[7]! & 0x7f) << 14) | ((h[8]! & 0x7f) << 7) | (h[9]! & 0x7f);
    pos = 10 + size + (h[5]! & 0x10 ? 10 : 0);
    if (pos >= s.size) throw truncated('MP3', 'the file ends inside its ID3 tag');
  }
  // Find the first frame that is followed by another, so stray 0xFF bytes are not taken for one.
  let first: MpegFrame | null = null;
  for (let tries = 0; tries < 65536 && pos + 4 <= s.size; tries++, pos++) {
    pos = s.indexOf(0xff, pos);
    if (pos < 0) break;
    const f = mpegFrame(Buffer.from(s.read(pos, 4)));
    if (f && (pos + f.length >= s.size || mpegFrame(Buffer.from(s.read(pos + f.length, 4))))) {
      first = f;
      break;
    }
  }
  if (!first || pos < 0) throw new BadFile('not a valid MP3 file: no MPEG audio frames found');
  let declared = -1;
  const xing = ascii(s, pos + 4 + first.sideInfo, 4);
  if (xing === 'Xing' || xing === 'Info') {
    const flags = u32be(s, pos + 8 + first.sideInfo);
    if (flags & 1) declared = u32be(s, pos + 12 + first.sideInfo);
    pos += first.length; // the Xing/Info frame carries no audio
  } else if (ascii(s, pos + 36, 4) === 'VBRI') {
    declared = u32be(s, pos + 50);
    pos += first.length;
  }
  let frames = 0;
  let samples = 0;
  while (pos + 4 <= s.size) {
    const f = mpegFrame(Buffer.from(s.read(pos, 4)));
    if (!f) {
      if (isTrailer(s, pos)) break;
      const next = s.indexOf(0xff, pos + 1);
      if (next < 0) break; // trailing bytes that are no frame: ignored, as players do
      pos = next;
      continue;
    }
    if (pos + f.length > s.size)
      throw truncated('MP3', `the last audio frame (number ${frames + 1}) is cut off`);
    frames++;
    samples += f.samples;
    pos += f.length;
  }
  if (frames === 0) throw new BadFile('not a valid MP3 file: no MPEG audio frames found');
  if (declared > 0 && frames < declared)
    throw truncated('MP3', `it holds ${frames} of the ${declared} frames its header announces`);
  return {
    durationSec: samples / first.sampleRate,
    sampleRate: first.sampleRate,
    channels: first.channels,
  };
}

export interface OggInfo extends AudioInfo {
  codec: 'vorbis' | 'opus';
}

export function probeOgg(s: ByteSource): OggInfo {
  let pos = 0;
  let serial = -1;
  let head: {
    codec: 'vorbis' | 'opus';
    sampleRate: number;
    channels: number;
    skip: number;
    rate: number;
  } | null = null;
  let granule = 0;
  let ended = false;
  while (pos < s.size) {
    const h = s.read(pos, 27);
    if (h.length < 27) throw truncated('Ogg', 'the file ends inside a page header');
    if (h.toString('latin1', 0, 4) !== 'OggS')
      throw new BadFile(`not a valid Ogg file: damaged page at byte ${pos}`);
    const segments = s.read(pos + 27, h[26]!);
    if (segments.length < h[26]!) throw truncated('Ogg', 'the file ends inside a page header');
    let body = 0;
    for (const n of segments) body += n;
    const bodyAt = pos + 27 + segments.length;
    if (bodyAt + body > s.size)
      throw truncated('Ogg', `the page at byte ${pos} runs past the end of the file`);
    const pageSerial = h.readUInt32LE(14);
    if (serial < 0) {
      serial = pageSerial;
      const b = Buffer.from(s.read(bodyAt, Math.min(body, 32)));
      if (b.toString('latin1', 0, 7) === '\x01vorbis' && b.length >= 16) {
        const sampleRate = b.readUInt32LE(12);
        head = { codec: 'vorbis', sampleRate, channels: b[11]!, skip: 0, rate: sampleRate };
      } else if (b.toString('latin1', 0, 8) === 'OpusHead' && b.length >= 16) {
        head = {
          codec: 'opus',
          sampleRate: 48000,
          channels: b[9]!,
          skip: b.readUInt16LE(10),
          rate: 48000,
        };
      } else {
        throw new BadFile('Ogg files must hold Vorbis or Opus audio; this one holds another codec');
      }
    }
    if (pageSerial === serial) {
      const g = h.readBigInt64LE(6);
      if (g >= 0n) granule = Number(g);
      if (h[5]! & 0x04) ended = true;
    }
    pos = bodyAt + body;
  }
  if (!head || !head.sampleRate || !head.channels)
    throw new BadFile('not a valid Ogg file: no audio header');
  if (!ended) throw truncated('Ogg', 'the stream stops without its end-of-stream page');
  return {
    codec: head.codec,
    durationSec: Math.max(0, granule - head.skip) / head.rate,
    sampleRate: head.sampleRate,
    channels: head.channels,
  };
}

async function probeFlac(s: ByteSource, filePath: string): Promise<AudioInfo> {
  const info = parseFlacHeader(s);
  const tail = checkFlacTail(s, info);
  if (tail.complete === false) throw truncated('FLAC', tail.reason);
  if (tail.complete === null) {
    // The cheap check could not find a verifiable last frame: count by decoding instead.
    const decoded = await countDecodedSamples(filePath, 'flac');
    if (decoded === 0 || (info.totalSamples > 0 && decoded < info.totalSamples)) {
      throw truncated('FLAC', `it decodes to ${decoded} of ${info.totalSamples} samples`);
    }
  }
  const total = info.totalSamples;
  return {
    durationSec: total / info.sampleRate,
    sampleRate: info.sampleRate,
    channels: info.channels,
  };
}

export async function probeAudio(
  s: ByteSource,
  format: AudioFormat,
  filePath: string,
): Promise<AudioInfo> {
  switch (format) {
    case 'wav': {
      const { durationSec, sampleRate, channels } = parseWav(s);
      return { durationSec, sampleRate, channels };
    }
    case 'mp3':
      return probeMp3(s);
    case 'ogg': {
      const { durationSec, sampleRate, channels } = probeOgg(s);
      return { durationSec, sampleRate, channels };
    }
    case 'flac':
      return probeFlac(s, filePath);
  }
}

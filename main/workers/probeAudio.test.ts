import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, makeWav } from '../services/assets/assetTestKit';
import { bufferSource } from './byteSource';
import { parseWav, probeAudio, probeMp3, probeOgg } from './probeAudio';
import { checkFlacTail, parseFlacHeader } from './probeFlac';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const half = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-probe-audio-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** probeAudio reads by path only for FLAC's decode fallback; give it a real file. */
async function probe(bytes: Buffer, format: 'wav' | 'mp3' | 'flac' | 'ogg') {
  const file = path.join(tmp, `probe.${format}`);
  fs.writeFileSync(file, bytes);
  return probeAudio(bufferSource(bytes), format, file);
}

describe('WAV', () => {
  it('reads format and duration for PCM 8/16/24/32-bit and float', () => {
    for (const bits of [8, 16, 24, 32] as const) {
      expect(
        parseWav(bufferSource(makeWav({ bits, sampleRate: 8000, channels: 2, seconds: 0.25 }))),
      ).toMatchObject({
        encoding: 'pcm',
        sampleRate: 8000,
        channels: 2,
        durationSec: 0.25,
      });
    }
    expect(parseWav(bufferSource(makeWav({ bits: 32, float: true })))).toMatchObject({
      encoding: 'float',
      durationSec: 0.5,
    });
  });

  it('refuses a file whose data chunk is shorter than declared, or was never finalized', () => {
    const wav = makeWav({ seconds: 1 });
    expect(() => parseWav(bufferSource(half(wav)))).toThrow(
      /truncated WAV: the header announces 16000 bytes of audio but only/,
    );
    const unfinished = Buffer.from(wav);
    unfinished.writeUInt32LE(0, 40);
    expect(() => parseWav(bufferSource(unfinished))).toThrow(/data size was never written/);
  });

  it('says "truncated WAV" for a file cut inside its header, never "-1-bit samples"', () => {
    const wav = makeWav({ seconds: 1 });
    for (const bytes of [30, 16, 13]) {
      expect(() => parseWav(bufferSource(wav.subarray(0, bytes))), `${bytes} bytes`).toThrow(
        /^truncated WAV: the file ends inside its header/,
      );
    }
    expect(() => parseWav(bufferSource(wav.subarray(0, 30)))).toThrow(
      'truncated WAV: the file ends inside its header (30 bytes; the format chunk needs 36)',
    );
    expect(() => parseWav(bufferSource(wav.subarray(0, 40)))).toThrow(
      /truncated WAV: the file ends before the audio data chunk/,
    );
    const tiny = Buffer.from(wav);
    tiny.writeUInt32LE(8, 16); // a format chunk too small to hold a format
    expect(() => parseWav(bufferSource(tiny))).toThrow(/the format chunk has only 8 bytes/);
  });

  it('refuses compressed WAV encodings with a reason', () => {
    const adpcm = makeWav();
    adpcm.writeUInt16LE(2, 20);
    expect(() => parseWav(bufferSource(adpcm))).toThrow(
      /WAV encoding 2 with 16-bit samples is not supported/,
    );
  });
});

describe('MP3, Ogg, FLAC fixtures (made with sox/lame, see __fixtures__/README.md)', () => {
  it('reads duration, sample rate and channels from the headers', async () => {
    const mp3 = await probe(fixture('tone.mp3'), 'mp3');
    expect(mp3).toMatchObject({ sampleRate: 16000, channels: 1 });
    expect(mp3.durationSec).toBeGreaterThan(0.95);
    expect(mp3.durationSec).toBeLessThan(1.2); // encoder padding frames
    expect(await probe(fixture('tone.ogg'), 'ogg')).toEqual({
      sampleRate: 16000,
      channels: 1,
      durationSec: 1,
    });
    expect(await probe(fixture('tone.flac'), 'flac')).toEqual({
      sampleRate: 16000,
      channels: 1,
      durationSec: 1,
    });
  });

  it('detects files cut in half', async () => {
    await expect(probe(half(fixture('tone.mp3')), 'mp3')).rejects.toThrow(/truncated MP3/);
    await expect(probe(half(fixture('tone.ogg')), 'ogg')).rejects.toThrow(/truncated Ogg/);
    await expect(probe(half(fixture('tone.flac')), 'flac')).rejects.toThrow(/truncated FLAC/);
  });

  it('detects MP3 and Ogg files cut exactly at a frame or page boundary', () => {
    const mp3 = fixture('tone.mp3');
    // Walk to the start of the last frame: the Info header's frame count then exceeds the frames present.
    const lastFrame = mp3.lastIndexOf(Buffer.from([0xff, 0xf3]));
    expect(() => probeMp3(bufferSource(mp3.subarray(0, lastFrame)))).toThrow(
      /holds \d+ of the \d+ frames/,
    );
    const ogg = fixture('tone.ogg');
    const lastPage = ogg.lastIndexOf(Buffer.from('OggS'));
    expect(() => probeOgg(bufferSource(ogg.subarray(0, lastPage)))).toThrow(
      /without its end-of-stream page/,
    );
  });

  it('proves a FLAC file complete from its last frame, without decoding', () => {
    const flac = fixture('tone.flac');
    const info = parseFlacHeader(bufferSource(flac));
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, totalSamples: 16000 });
    expect(checkFlacTail(bufferSource(flac), info)).toEqual({ complete: true });
    const cut = flac.subarray(0, flac.length - 100);
    expect(checkFlacTail(bufferSource(cut), info).complete).not.toBe(true);
  });

  it('refuses text renamed to an audio extension', async () => {
    await expect(
      probe(Buffer.from('OggS but not really a page header at all'), 'ogg'),
    ).rejects.toThrow(/Ogg/);
  });
});

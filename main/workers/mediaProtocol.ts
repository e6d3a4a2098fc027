// The messages between the main process and the media worker. Every operation is a named
// entry of MediaOps with its input and output type; the worker switches on `op`, the client
// types each call by the same map, so neither side ever dispatches by an untyped name.
import type { AudioFormat, ImageFormat, MediaFormat } from '../services/assets/mediaFormats';

export interface ProbeInput {
  path: string;
  /** The format the file name promises; the content must match it. */
  expected: MediaFormat;
  maxPixels: number;
}

export interface ExifFields {
  /** "Make Model" of the camera, when the file carries EXIF. */
  camera?: string;
  /** DateTimeOriginal as an ISO-like string. */
  capturedAt?: string;
}

export interface ProbedImage {
  kind: 'image';
  format: ImageFormat;
  sha256: string;
  bytes: number;
  /** Displayed size, after EXIF orientation. */
  width: number;
  height: number;
  orientation: number | null;
  exif: ExifFields;
}

export interface ProbedAudio {
  kind: 'audio';
  format: AudioFormat;
  sha256: string;
  bytes: number;
  durationSec: number;
  sampleRate: number;
  channels: number;
}

/** A bad file is an answer, not a worker failure: `error` says what is wrong with it. */
export type ProbeResult =
  { ok: true; asset: ProbedImage | ProbedAudio } | { ok: false; error: string };

export interface RenderInput {
  source: string;
  format: ImageFormat;
  /** Final path; the worker writes a temporary file beside it and renames it. */
  target: string;
  /** Longest side of the output; smaller images are not enlarged. */
  maxSide: number;
  output: 'webp' | 'png' | 'jpeg';
  quality: number;
  maxPixels: number;
}

export interface PeaksInput {
  source: string;
  format: AudioFormat;
  target: string;
}

export interface MediaOps {
  probe: { input: ProbeInput; output: ProbeResult };
  render: { input: RenderInput; output: { width: number; height: number; bytes: number } };
  peaks: { input: PeaksInput; output: { buckets: number; bytes: number } };
}

export type MediaOpName = keyof MediaOps;

export type MediaRequest = {
  [K in MediaOpName]: { id: number; op: K; input: MediaOps[K]['input'] };
}[MediaOpName];

export type MediaResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

import type {
  InterchangeBox,
  InterchangeItem,
  InterchangeProblem,
  ReadResult,
} from './interchange';
import { byFile, emptyItem, stripBom } from './interchange';

/**
 * YOLO label files: one `.txt` per image, one line per box,
 *
 *   class_idx cx cy w h        (centre and size, normalized by the image width/height)
 *
 *   (0,0) +-----------------------+
 *         |   x,y +-----+         |    cx = (x + w/2) / W    w_n = w / W
 *         |       |  +  |  h      |    cy = (y + h/2) / H    h_n = h / H
 *         |       +-----+         |
 *         |          w            |
 *         +-----------------------+ (W,H)
 *
 * Converting needs each image's displayed width and height, which the caller supplies.
 */
export interface YoloLabelFile {
  /** The asset the labels belong to (becomes the item's `file`). */
  file: string;
  /** The label file's own name, for messages (defaults to `file`). */
  source?: string;
  text: string;
  /** Displayed image size in pixels. */
  width: number;
  height: number;
}

export interface YoloReadInput {
  labels: YoloLabelFile[];
  names: ReadonlyMap<number, string>;
}

/** Pixel values to a micro-pixel: removes float noise like 12.000000000000002. */
const tidy = (v: number) => Math.round(v * 1e6) / 1e6 + 0;

export function readYolo(input: YoloReadInput): ReadResult {
  const items: InterchangeItem[] = [];
  const problems: InterchangeProblem[] = [];
  input.labels.forEach((label, itemIndex) => {
    const source = label.source ?? label.file;
    const item = emptyItem(label.file, source);
    const at = (line: number, message: string): InterchangeProblem => ({
      file: label.file,
      item: itemIndex,
      box: item.boxes.length,
      where: `${source}:${line}`,
      message,
    });
    if (!(label.width > 0 && label.height > 0)) {
      problems.push({
        file: label.file,
        item: itemIndex,
        where: source,
        message:
          'the image size is unknown, so normalized YOLO coordinates cannot be converted to pixels',
      });
      return;
    }
    // A bad line does not stop the file: every line is checked, and the boxes that could be
    // read go on to the importer's checks against the image (bounds, class), so one run
    // reports every problem in the file.
    stripBom(label.text)
      .split(/\r?\n/)
      .forEach((rawLine, i) => {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#')) return;
        const parts = line.split(/\s+/);
        const problem = (message: string) => {
          problems.push(at(i + 1, message));
        };
        if (parts.length !== 5) {
          problem(`expected 5 values "class cx cy w h", got ${parts.length}`);
          return;
        }
        const [cls, ...rest] = parts as [string, string, string, string, string];
        if (!/^\d+$/.test(cls)) {
          problem(`class index "${cls}" must be a whole number >= 0`);
          return;
        }
        const className = input.names.get(Number(cls));
        if (className === undefined) {
          problem(`class index ${cls} has no name in the class list (it has ${input.names.size})`);
          return;
        }
        const nums = rest.map(Number);
        const bad = rest.find((r, k) => !Number.isFinite(nums[k]) || r === '');
        if (bad !== undefined) {
          problem(`"${bad}" is not a number`);
          return;
        }
        const [cx, cy, w, h] = nums as [number, number, number, number];
        const box: InterchangeBox = {
          className,
          x: tidy((cx - w / 2) * label.width),
          y: tidy((cy - h / 2) * label.height),
          w: tidy(w * label.width),
          h: tidy(h * label.height),
          uncertain: false,
          attributes: {},
          ref: `${source}:${i + 1}`,
        };
        item.boxes.push(box);
      });
    items.push(item);
  });
  return { items, problems };
}

export interface YoloWriteItem extends InterchangeItem {
  width: number;
  height: number;
}

export interface YoloWriteResult {
  /** Class order (index = YOLO class index). */
  classes: string[];
  /** One label file per item: the item's path with its extension replaced by `.txt`. */
  labels: Array<{ file: string; text: string }>;
}

/** Normalized value with 6 decimals (Ultralytics precision), trailing zeros dropped. */
function norm(v: number): string {
  const s = v.toFixed(6).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export function labelPathFor(file: string): string {
  const slash = file.lastIndexOf('/');
  const dot = file.lastIndexOf('.');
  return `${dot > slash + 1 ? file.slice(0, dot) : file}.txt`;
}

/**
 * Writes YOLO label files deterministically. `classes` sets the class indices; classes used
 * by boxes but missing there are appended in sorted order. Items without boxes get an empty
 * file (YOLO's "background image").
 */
export function writeYolo(input: { classes: string[]; items: YoloWriteItem[] }): YoloWriteResult {
  const classes = [...input.classes];
  const extra = new Set<string>();
  for (const item of input.items)
    for (const b of item.boxes) if (!classes.includes(b.className)) extra.add(b.className);
  classes.push(...[...extra].sort());
  const index = new Map(classes.map((c, i) => [c, i]));
  const labels = [...input.items].sort(byFile).map((item) => {
    const lines = item.boxes.map((b) =>
      [
        index.get(b.className),
        norm((b.x + b.w / 2) / item.width),
        norm((b.y + b.h / 2) / item.height),
        norm(b.w / item.width),
        norm(b.h / item.height),
      ].join(' '),
    );
    return { file: labelPathFor(item.file), text: lines.length ? `${lines.join('\n')}\n` : '' };
  });
  return { classes, labels };
}

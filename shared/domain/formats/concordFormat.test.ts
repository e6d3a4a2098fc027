import { describe, expect, it } from 'vitest';
import { readConcord, writeConcord } from './concordFormat';
import type { InterchangeItem } from './interchange';
import { withoutRefs } from './interchange';

const item = (file: string, over: Partial<InterchangeItem> = {}): InterchangeItem => ({
  file,
  boxes: [],
  tags: [],
  noDefects: false,
  uncertain: false,
  segments: [],
  ...over,
});

describe('readConcord', () => {
  it('reads the product.md example, defaulting the optional parts', () => {
    const text = JSON.stringify({
      labeler: 'ana',
      instructionsVersion: 3,
      items: [
        {
          file: 'line2/img_0007.png',
          tags: ['defective'],
          boxes: [{ class: 'scratch', x: 10, y: 20, w: 30, h: 40, uncertain: false }],
          segments: [{ start: 0.52, end: 1.9, text: "um today's weather" }],
        },
        { file: 'ok.png', noDefects: true },
      ],
    });
    const r = readConcord(text);
    expect(r.problems).toEqual([]);
    expect(r.labeler).toBe('ana');
    expect(r.instructionsVersion).toBe(3);
    expect(r.items[0]!.ref).toBe('items[0]');
    expect(r.items[0]!.boxes[0]!.ref).toBe('items[0].boxes[0]');
    expect(r.items.map(withoutRefs)).toEqual([
      item('line2/img_0007.png', {
        tags: ['defective'],
        boxes: [
          { className: 'scratch', x: 10, y: 20, w: 30, h: 40, uncertain: false, attributes: {} },
        ],
        segments: [{ start: 0.52, end: 1.9, text: "um today's weather" }],
      }),
      item('ok.png', { noDefects: true }),
    ]);
  });

  it('round-trips through writeConcord', () => {
    const items = [
      item('b.png', {
        tags: ['defective'],
        uncertain: true,
        boxes: [
          {
            className: 'dent',
            x: 1.5,
            y: 2,
            w: 3,
            h: 4,
            uncertain: true,
            attributes: { severity: 'major', z: true },
          },
        ],
      }),
      item('a.wav', { segments: [{ start: 0, end: 1.25, text: 'hello' }] }),
    ];
    const text = writeConcord({ labeler: 'ben', instructionsVersion: 2, items });
    const back = readConcord(text);
    expect(back.problems).toEqual([]);
    expect(back.labeler).toBe('ben');
    expect(back.items.map(withoutRefs)).toEqual([items[1], items[0]]);
  });

  it('writes byte-identical files regardless of input order and attribute key order', () => {
    const box = (attributes: Record<string, string | boolean>) => ({
      className: 'dent',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      uncertain: false,
      attributes,
    });
    const one = writeConcord({
      labeler: 'a',
      instructionsVersion: 1,
      items: [item('x.png', { boxes: [box({ b: '1', a: '2' })] }), item('a.png')],
    });
    const two = writeConcord({
      labeler: 'a',
      instructionsVersion: 1,
      items: [item('a.png'), item('x.png', { boxes: [box({ a: '2', b: '1' })] })],
    });
    expect(one).toBe(two);
    expect(one.endsWith('}\n')).toBe(true);
  });

  it('reports precise paths and messages for every bad field, in every item', () => {
    const r = readConcord(
      JSON.stringify({
        labeler: 'ana',
        items: [
          { file: 'ok.png' },
          {
            file: 'a.png',
            boxes: [
              { class: 'x', x: 0, y: 0, w: 1, h: 1 },
              { class: 'x', x: 0, y: 0, w: -2, h: 1 },
            ],
          },
          { file: 'b.png', boxes: [{ x: 0, y: 'top', w: 1, h: 1 }] },
          { tags: 'defective' },
          { file: 'c.wav', segments: [{ start: 2, end: 1, text: '' }] },
          { file: 'd.png', boxes: [{ class: 'x', x: 0, y: 0, w: 1, h: 1, attributes: { n: 3 } }] },
        ],
      }),
    );
    expect(r.items.map((i) => i.file)).toEqual(['ok.png']);
    const lines = r.problems.map((p) => `${p.where}: ${p.message}`);
    expect(lines).toEqual([
      'items[1].boxes[1].w: must be >= 0 (got -2)',
      'items[2].boxes[0].class: is required',
      'items[2].boxes[0].y: must be a number (got "top")',
      'items[3].file: is required',
      'items[3].tags: must be a list (got "defective")',
      'items[4].segments[0].end: must be >= start (2), got 1',
      'items[5].boxes[0].attributes.n: must be a string or true/false',
    ]);
    expect(r.problems[0]).toMatchObject({ file: 'a.png', item: 1, box: 1 });
    expect(r.problems[3]).not.toHaveProperty('file');
  });

  it('reports a broken file, a wrong root and a missing items list', () => {
    expect(readConcord('{ "items": [').problems[0]!.message).toMatch(
      /^The Concord annotation file is not valid JSON/,
    );
    expect(readConcord('[1,2]').problems).toEqual([
      { where: '(root)', message: 'must be an object with "items"' },
    ]);
    expect(readConcord('{"labeler":"a"}').problems).toEqual([
      { where: 'items', message: 'is required' },
    ]);
    expect(readConcord('{"labeler":"", "items": [], "instructionsVersion": 0}').problems).toEqual([
      { where: 'labeler', message: 'must not be empty' },
      { where: 'instructionsVersion', message: 'must be >= 1 (got 0)' },
    ]);
  });

  it('accepts a byte-order mark and files without labeler or version', () => {
    const r = readConcord(`\uFEFF{"items":[{"file":"a.png"}]}`);
    expect(r.problems).toEqual([]);
    expect(r.labeler).toBeNull();
    expect(r.instructionsVersion).toBeNull();
    expect(r.items.map(withoutRefs)).toEqual([item('a.png')]);
  });
});

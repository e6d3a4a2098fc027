import { describe, expect, it } from 'vitest';
import { parseClassesTxt, parseDataYaml, writeClassesTxt, writeDataYaml } from './yoloClassNames';
import { withoutRefs } from './interchange';
import type { YoloWriteItem } from './yoloFormat';
import { labelPathFor, readYolo, writeYolo } from './yoloFormat';

const names = new Map([
  [0, 'scratch'],
  [1, 'dent'],
]);

describe('readYolo', () => {
  it('converts normalized centre boxes to displayed-image pixels', () => {
    const r = readYolo({
      names,
      labels: [
        { file: 'a.png', text: '0 0.5 0.5 0.2 0.4\n1 0.1 0.2 0.2 0.2\n', width: 200, height: 100 },
        { file: 'b.png', text: '', width: 10, height: 10 },
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.items[0]!.ref).toBe('a.png');
    expect(r.items[0]!.boxes.map((b) => b.ref)).toEqual(['a.png:1', 'a.png:2']);
    expect(r.items.map(withoutRefs)[0]!.boxes).toEqual([
      { className: 'scratch', x: 80, y: 30, w: 40, h: 40, uncertain: false, attributes: {} },
      { className: 'dent', x: 0, y: 10, w: 40, h: 20, uncertain: false, attributes: {} },
    ]);
    expect(withoutRefs(r.items[1]!)).toEqual({
      file: 'b.png',
      boxes: [],
      tags: [],
      noDefects: false,
      uncertain: false,
      segments: [],
    });
  });

  it('tolerates CRLF, blank lines, comments and a byte-order mark', () => {
    const r = readYolo({
      names,
      labels: [
        {
          file: 'a.png',
          text: '\uFEFF# made by hand\r\n\r\n1 0.5 0.5 1 1\r\n',
          width: 4,
          height: 2,
        },
      ],
    });
    expect(r.problems).toEqual([]);
    expect(withoutRefs(r.items[0]!).boxes).toEqual([
      { className: 'dent', x: 0, y: 0, w: 4, h: 2, uncertain: false, attributes: {} },
    ]);
  });

  it('reports every bad line with file, line, item and box index, and leaves the item out', () => {
    const r = readYolo({
      names,
      labels: [
        { file: 'ok.png', text: '0 0.5 0.5 0.1 0.1', width: 10, height: 10 },
        {
          file: 'bad.png',
          source: 'labels/bad.txt',
          text: [
            '0 0.5 0.5 0.1 0.1',
            '7 0.5 0.5 0.1 0.1',
            '0 0.5 0.5',
            'x 0.5 0.5 0.1 0.1',
            '1 0.5 abc 0.1 0.1',
            '-1 0 0 0 0',
          ].join('\n'),
          width: 10,
          height: 10,
        },
        { file: 'nosize.png', text: '0 0.5 0.5 0.1 0.1', width: 0, height: 10 },
      ],
    });
    // What could be read is kept, so the importer can check those boxes too.
    expect(r.items.map((i) => [i.file, i.boxes.map((b) => b.ref)])).toEqual([
      ['ok.png', ['ok.png:1']],
      ['bad.png', ['labels/bad.txt:1']],
    ]);
    expect(r.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'labels/bad.txt:2: class index 7 has no name in the class list (it has 2)',
      'labels/bad.txt:3: expected 5 values "class cx cy w h", got 3',
      'labels/bad.txt:4: class index "x" must be a whole number >= 0',
      'labels/bad.txt:5: "abc" is not a number',
      'labels/bad.txt:6: class index "-1" must be a whole number >= 0',
      'nosize.png: the image size is unknown, so normalized YOLO coordinates cannot be converted to pixels',
    ]);
    expect(r.problems[0]).toMatchObject({ file: 'bad.png', item: 1, box: 1 });
  });

  it('passes out-of-range values through for the importer to check against the image', () => {
    const r = readYolo({
      names,
      labels: [{ file: 'a.png', text: '0 1.2 0.5 0.5 -0.1', width: 100, height: 100 }],
    });
    expect(r.problems).toEqual([]);
    expect(r.items[0]!.boxes[0]).toMatchObject({ x: 95, w: 50, h: -10 });
  });
});

describe('writeYolo', () => {
  const items: YoloWriteItem[] = [
    {
      file: 'line2/b.jpeg',
      width: 640,
      height: 480,
      tags: [],
      noDefects: false,
      uncertain: false,
      segments: [],
      boxes: [
        { className: 'dent', x: 10.25, y: 20, w: 30, h: 40, uncertain: false, attributes: {} },
        { className: 'pit', x: 0, y: 0, w: 640, h: 480, uncertain: false, attributes: {} },
      ],
    },
    {
      file: 'a.png',
      width: 3,
      height: 7,
      tags: [],
      noDefects: true,
      uncertain: false,
      segments: [],
      boxes: [],
    },
  ];

  it('writes one label file per item, sorted, with fixed precision', () => {
    const out = writeYolo({ classes: ['scratch', 'dent'], items });
    expect(out.classes).toEqual(['scratch', 'dent', 'pit']);
    expect(out.labels).toEqual([
      { file: 'a.txt', text: '' },
      { file: 'line2/b.txt', text: '1 0.039453 0.083333 0.046875 0.083333\n2 0.5 0.5 1 1\n' },
    ]);
  });

  it('round-trips through readYolo within the written precision', () => {
    const out = writeYolo({ classes: [], items });
    const byFile = new Map(items.map((i) => [labelPathFor(i.file), i]));
    const back = readYolo({
      names: new Map(out.classes.map((c, i) => [i, c])),
      labels: out.labels.map((l) => {
        const src = byFile.get(l.file)!;
        return { file: src.file, text: l.text, width: src.width, height: src.height };
      }),
    });
    expect(back.problems).toEqual([]);
    const boxes = back.items.find((i) => i.file === 'line2/b.jpeg')!.boxes;
    expect(boxes.map((b) => b.className)).toEqual(['dent', 'pit']);
    boxes.forEach((b, k) => {
      const want = items[0]!.boxes[k]!;
      for (const key of ['x', 'y', 'w', 'h'] as const)
        expect(Math.abs(b[key] - want[key])).toBeLessThan(0.001 * 640);
    });
  });

  it('names label files after the image', () => {
    expect(labelPathFor('a/b/c.png')).toBe('a/b/c.txt');
    expect(labelPathFor('a.b/noext')).toBe('a.b/noext.txt');
    expect(labelPathFor('.hidden')).toBe('.hidden.txt');
  });
});

describe('YOLO class names', () => {
  const expectNames = (r: { names: Map<number, string>; problems: unknown[] }, want: string[]) => {
    expect(r.problems).toEqual([]);
    expect([...r.names.entries()]).toEqual(want.map((n, i) => [i, n]));
  };

  it('reads data.yaml names as a block list, flow list, block map and flow map', () => {
    expectNames(parseDataYaml('path: ../data\nnames:\n  - scratch\n  - "dent, deep"\nnc: 2\n'), [
      'scratch',
      'dent, deep',
    ]);
    expectNames(parseDataYaml("names:\n- scratch\n- 'it''s'\ntrain: x\n"), ['scratch', "it's"]);
    expectNames(parseDataYaml("nc: 2\nnames: ['scratch', dent]  # two\n"), ['scratch', 'dent']);
    expectNames(parseDataYaml('names: [\n  scratch,\n  dent\n]\n'), ['scratch', 'dent']);
    expectNames(
      parseDataYaml('names:\n  0: scratch # long mark\n  1: foreign particle\nval: v\n'),
      ['scratch', 'foreign particle'],
    );
    expectNames(parseDataYaml("names: {0: scratch, '1': dent}\n"), ['scratch', 'dent']);
  });

  it('keeps gaps in an index map (class 2 is then unknown)', () => {
    const r = parseDataYaml('names:\n  0: a\n  3: d\n');
    expect(r.problems).toEqual([]);
    expect(r.names.get(3)).toBe('d');
    expect(r.names.has(1)).toBe(false);
  });

  it('reports missing, empty, duplicated and inconsistent names', () => {
    expect(parseDataYaml('train: x\n').problems[0]!.message).toMatch(/no top-level "names:"/);
    expect(parseDataYaml('names: []\n').problems[0]!.message).toBe('"names:" is empty');
    expect(parseDataYaml('names: scratch\n').problems[0]!.message).toMatch(
      /must be a list or a map/,
    );
    expect(parseDataYaml('names: [a, b\n').problems[0]!.message).toMatch(/missing its closing \]/);
    expect(parseDataYaml('names:\n  0: a\n  0: b\n').problems[0]!.message).toBe(
      'class index 0 is given twice',
    );
    expect(parseDataYaml('names: [a, b]\nnc: 3\n').problems[0]!.message).toBe(
      'nc is 3 but "names:" lists 2 classes',
    );
  });

  it('reads classes.txt and refuses blank lines that would shift indices', () => {
    expectNames(parseClassesTxt('scratch\r\ndent\n\n'), ['scratch', 'dent']);
    expect(parseClassesTxt('a\n\nb\n').problems).toEqual([
      { where: 'classes.txt:2', message: 'line is empty (it would be class 1)' },
    ]);
    expect(parseClassesTxt('\n').problems[0]!.message).toBe('is empty');
  });

  it('writes data.yaml and classes.txt that read back the same', () => {
    const classes = ['scratch', 'foreign particle', 'yes', 'a: b', ' pad'];
    expectNames(
      parseDataYaml(writeDataYaml(classes)),
      classes.map((c) => (c === ' pad' ? ' pad' : c)),
    );
    expectNames(parseClassesTxt(writeClassesTxt(['a', 'b'])), ['a', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import type { CocoWriteItem } from './cocoFormat';
import { readCoco, writeCoco } from './cocoFormat';
import { withoutRefs } from './interchange';

const coco = (doc: unknown) => readCoco(JSON.stringify(doc));

const sample = {
  images: [
    { id: 7, file_name: 'line2/a.png', width: 640, height: 480 },
    { id: 9, file_name: 'b.jpg', width: 100, height: 50 },
  ],
  categories: [
    { id: 1, name: 'scratch', supercategory: 'defect' },
    { id: 3, name: 'dent' },
  ],
  annotations: [
    { id: 1, image_id: 7, category_id: 3, bbox: [10, 20, 30, 40], area: 1200, iscrowd: 0 },
    {
      id: 2,
      image_id: 7,
      category_id: 1,
      bbox: [0.5, 1.5, 2, 3],
      attributes: { occluded: false, rotation: 0.0 },
    },
  ],
};

describe('readCoco', () => {
  it('reads images, categories and boxes by class name', () => {
    const r = coco(sample);
    expect(r.problems).toEqual([]);
    expect(r.categories).toEqual(['scratch', 'dent']);
    expect(r.items[1]!.ref).toBe('images[1]');
    expect(r.items[0]!.boxes.map((b) => b.ref)).toEqual([
      'annotations[0] (id 1)',
      'annotations[1] (id 2)',
    ]);
    expect(r.items.map(withoutRefs)).toEqual([
      {
        file: 'line2/a.png',
        width: 640,
        height: 480,
        tags: [],
        noDefects: false,
        uncertain: false,
        segments: [],
        boxes: [
          { className: 'dent', x: 10, y: 20, w: 30, h: 40, uncertain: false, attributes: {} },
          {
            className: 'scratch',
            x: 0.5,
            y: 1.5,
            w: 2,
            h: 3,
            uncertain: false,
            attributes: { occluded: false, rotation: '0' },
          },
        ],
      },
      {
        file: 'b.jpg',
        width: 100,
        height: 50,
        tags: [],
        noDefects: false,
        uncertain: false,
        segments: [],
        boxes: [],
      },
    ]);
  });

  it('reports every structural problem with its location', () => {
    const r = coco({
      images: [
        { id: 1, file_name: 'a.png', width: 0 },
        { id: 1, file_name: 'dup.png' },
        { file_name: 'noid.png' },
        { id: 4 },
        { id: 5, file_name: 'e.png', tags: [3] },
      ],
      categories: [{ id: 1, name: 'scratch' }, { id: 1, name: 'again' }, { id: 2 }],
      annotations: [
        { id: 10, image_id: 1, category_id: 1, bbox: [1, 2, 3] },
        { id: 11, image_id: 99, category_id: 1, bbox: [1, 2, 3, 4] },
        { id: 12, image_id: 1, category_id: 42, bbox: [1, 2, 3, 4] },
        { id: 13, image_id: 1, category_id: 1, bbox: [1, 2, 3, '4'] },
        { id: 14, image_id: 1, category_id: 1, bbox: [1, 2, 3, 4], attributes: { a: [1] } },
        'nonsense',
      ],
    });
    expect(r.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'categories[1].id: category id 1 is given twice',
      'categories[2].name: is required (the class name)',
      'images[0].width: must be a positive number',
      'images[1].id: image id 1 is given twice',
      'images[2].id: is required (a number)',
      'images[3].file_name: is required',
      'images[4].tags: must be a list of tag names',
      'annotations[0] (id 10).bbox: must be [x, y, width, height] in pixels',
      'annotations[1] (id 11).image_id: refers to image_id 99, which is not in "images"',
      'annotations[2] (id 12).category_id: refers to category_id 42, which is not in "categories"',
      'annotations[3] (id 13).bbox: must be [x, y, width, height] in pixels',
      'annotations[4] (id 14).attributes.a: must be a string, a number or true/false',
      'annotations[5]: must be an object',
    ]);
    expect(r.problems.find((p) => p.where.startsWith('annotations[2]'))).toMatchObject({
      file: 'a.png',
      item: 0,
    });
  });

  it('reports broken JSON, a wrong root and missing or mistyped lists', () => {
    expect(readCoco('{').problems[0]!.message).toMatch(/^The COCO file is not valid JSON/);
    expect(coco([]).problems[0]!.message).toMatch(/must be an object/);
    expect(coco({ annotations: [] }).problems).toEqual([
      { where: 'images', message: 'is required' },
    ]);
    expect(coco({ images: {}, annotations: 3 }).problems).toEqual([
      { where: 'images', message: 'must be a list' },
      { where: 'annotations', message: 'must be a list' },
    ]);
  });

  it('keeps negative and zero sizes for the importer to judge against the asset', () => {
    const r = coco({
      images: [{ id: 1, file_name: 'a.png' }],
      categories: [{ id: 1, name: 'x' }],
      annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [5, 5, -1, 0] }],
    });
    expect(r.problems).toEqual([]);
    expect(r.items[0]!.boxes[0]).toMatchObject({ w: -1, h: 0 });
  });
});

describe('writeCoco', () => {
  const items: CocoWriteItem[] = [
    {
      file: 'z/b.png',
      width: 200,
      height: 100,
      tags: ['defective'],
      noDefects: false,
      uncertain: true,
      segments: [],
      boxes: [
        {
          className: 'scratch',
          x: 1,
          y: 2,
          w: 3,
          h: 4,
          uncertain: true,
          attributes: { severity: 'major', a: true },
        },
        { className: 'pit', x: 5, y: 6, w: 7, h: 8, uncertain: false, attributes: {} },
      ],
    },
    {
      file: 'a.png',
      width: 10,
      height: 10,
      tags: ['ok'],
      noDefects: true,
      uncertain: false,
      segments: [],
      boxes: [],
    },
  ];

  it('round-trips through readCoco, including Concord extras', () => {
    const text = writeCoco({ classes: ['dent', 'scratch'], items });
    const back = readCoco(text);
    expect(back.problems).toEqual([]);
    expect(back.categories).toEqual(['dent', 'scratch', 'pit']);
    expect(back.items.map(withoutRefs)).toEqual([items[1], items[0]]);
  });

  it('is byte-identical for the same annotations in any order, with stable ids', () => {
    const one = writeCoco({
      classes: ['scratch'],
      items,
      info: { labeler: 'ana', description: 'x' },
    });
    const two = writeCoco({
      classes: ['scratch'],
      items: [...items].reverse(),
      info: { description: 'x', labeler: 'ana' },
    });
    expect(one).toBe(two);
    const doc = JSON.parse(one) as {
      images: Array<{ id: number; file_name: string }>;
      annotations: Array<{ id: number; image_id: number; category_id: number; area: number }>;
      categories: Array<{ id: number; name: string }>;
    };
    expect(doc.images.map((i) => [i.id, i.file_name])).toEqual([
      [1, 'a.png'],
      [2, 'z/b.png'],
    ]);
    expect(doc.annotations.map((a) => [a.id, a.image_id, a.category_id, a.area])).toEqual([
      [1, 2, 1, 12],
      [2, 2, 2, 56],
    ]);
    expect(doc.categories).toEqual([
      { id: 1, name: 'scratch', supercategory: '' },
      { id: 2, name: 'pit', supercategory: '' },
    ]);
    expect(one.split('\n')[0]).toBe('{');
    expect(one.endsWith('}\n')).toBe(true);
  });

  it('writes an empty but valid document', () => {
    const text = writeCoco({ classes: [], items: [] });
    expect(JSON.parse(text)).toEqual({
      info: {},
      licenses: [],
      images: [],
      annotations: [],
      categories: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { matchMetadata, parseMetadataCsv } from './metadataCsv';

const files = [
  { rootRel: 'line1/img_001.png', rootName: 'batch' },
  { rootRel: 'line2/img_001.png', rootName: 'batch' },
  { rootRel: 'line2/img_002.png', rootName: 'batch' },
  { rootRel: 'solo.jpg', rootName: null },
];

describe('parseMetadataCsv', () => {
  it('reads a header row and one values object per row, skipping empty cells', () => {
    const t = parseMetadataCsv(
      '\uFEFFfile,factory,line,camera\r\nsolo.jpg,A,2,cam1\r\nline2/img_002.png,B,,cam2\r\n\r\n',
    );
    expect(t.warnings).toEqual([]);
    expect(t.rows).toEqual([
      { row: 2, file: 'solo.jpg', values: { factory: 'A', line: '2', camera: 'cam1' } },
      { row: 3, file: 'line2/img_002.png', values: { factory: 'B', camera: 'cam2' } },
    ]);
  });

  it('turns malformed rows into warnings with row numbers and keeps the good ones', () => {
    const csv = [
      'file,factory,line',
      'solo.jpg,A,1',
      'too,few',
      'a.png,A,1,extra',
      ',A,1',
      'solo.jpg,B,2',
      '"unclosed,A,1',
    ].join('\n');
    const t = parseMetadataCsv(csv);
    expect(t.rows.map((r) => r.row)).toEqual([2]);
    expect(t.warnings).toEqual([
      'metadata CSV row 3: expected 3 values (file,factory,line) but found 2; row ignored',
      'metadata CSV row 4: expected 3 values (file,factory,line) but found 4; row ignored',
      'metadata CSV row 5: the file cell is empty; row ignored',
      'metadata CSV row 6: "solo.jpg" already appears in row 2; row ignored',
      expect.stringMatching(/^metadata CSV row 7: .*[Qq]uote.*; row ignored$/),
    ]);
  });

  it('needs a file column; accepts semicolons and backslash paths', () => {
    expect(parseMetadataCsv('name,factory\na.png,A').warnings[0]).toMatch(
      /needs a "file" column \(found: name, factory\)/,
    );
    const t = parseMetadataCsv('File;factory\n.\\line1\\img_001.png;A');
    expect(t.rows).toEqual([{ row: 2, file: 'line1/img_001.png', values: { factory: 'A' } }]);
  });
});

describe('matchMetadata', () => {
  it('matches by path relative to the imported folder (with or without its name), or by unique file name', () => {
    const t = parseMetadataCsv(
      'file,f\nline1/img_001.png,1\nbatch/line2/img_001.png,2\nimg_002.png,3\nsolo.jpg,4',
    );
    const m = matchMetadata(t, files);
    expect(m.warnings).toEqual([]);
    expect([...m.byFile.entries()].map(([i, r]) => [i, r.values.f])).toEqual([
      [0, '1'],
      [1, '2'],
      [2, '3'],
      [3, '4'],
    ]);
  });

  it('warns about unknown, ambiguous and repeated files', () => {
    const t = parseMetadataCsv(
      'file,f\nnope.png,1\nimg_001.png,2\nsolo.jpg,3\nline2/../solo.jpg,4\nsolo.jpg,5',
    );
    const m = matchMetadata(t, files);
    expect(m.byFile.size).toBe(1);
    expect(m.warnings).toEqual([
      'metadata CSV row 2: no imported file matches "nope.png"',
      'metadata CSV row 3: "img_001.png" matches 2 files; give the path relative to the imported folder (e.g. line1/img_001.png)',
      'metadata CSV row 5: no imported file matches "line2/../solo.jpg"',
    ]);
    // The repeated row is caught while parsing, before matching.
    expect(t.warnings).toEqual([
      'metadata CSV row 6: "solo.jpg" already appears in row 4; row ignored',
    ]);
  });
});

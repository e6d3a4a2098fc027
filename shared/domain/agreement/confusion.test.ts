import { describe, expect, it } from 'vitest';
import { compareItemBoxes } from './boxAgreement';
import { createConfusion } from './confusion';
import type { ClassedBox } from './matchBoxes';

const box = (classId: string, x: number): ClassedBox => ({ classId, x, y: 0, w: 10, h: 10 });

describe('createConfusion', () => {
  it('is a single "none" cell when nothing was compared', () => {
    expect(createConfusion().result()).toEqual({ classIds: [], matrix: [[0]] });
  });

  it('keeps listed classes (even unused) and appends new ones', () => {
    const conf = createConfusion(['scratch', 'dent', 'unused']);
    conf.add(
      compareItemBoxes(
        [box('scratch', 0), box('dent', 100), box('scratch', 200), box('pit', 400)],
        [box('scratch', 0), box('scratch', 100), box('scratch', 200), box('dent', 600)],
      ),
    );
    conf.add(compareItemBoxes([box('dent', 0)], [box('pit', 0)]));
    const { classIds, matrix } = conf.result();
    expect(classIds).toEqual(['scratch', 'dent', 'unused', 'pit']);
    // rows: A's class; columns: B's class; last = none
    expect(matrix).toEqual([
      [2, 0, 0, 0, 0], // scratch: 2 agreements
      [1, 0, 0, 1, 0], // dent -> scratch (conflict), dent -> pit (conflict)
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1], // pit only in A
      [0, 1, 0, 0, 0], // dent only in B
    ]);
  });

  it('totals add up to the box counts of each labeler', () => {
    const conf = createConfusion();
    const a = [box('x', 0), box('y', 30), box('y', 60)];
    const b = [box('y', 0), box('y', 31), box('z', 200)];
    conf.add(compareItemBoxes(a, b));
    const { matrix } = conf.result();
    const none = matrix.length - 1;
    const rowSum = matrix.slice(0, none).reduce((s, r) => s + r.reduce((x, y) => x + y, 0), 0);
    const colSum = matrix.reduce((s, r) => s + r.slice(0, none).reduce((x, y) => x + y, 0), 0);
    expect(rowSum).toBe(a.length);
    expect(colSum).toBe(b.length);
  });
});

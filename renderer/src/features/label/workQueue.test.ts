import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../../shared/api/schemas/annotationDoc';
import type { QueueItem } from '../../../../shared/api/schemas/annotations';
import type { QueueFetch } from './workQueue';
import { WorkQueue } from './workQueue';

function items(statuses: ItemStatus[]): QueueItem[] {
  return statuses.map((status, i) => ({
    assetId: i + 1,
    relPath: `img_${i + 1}.png`,
    fileName: `img_${i + 1}.png`,
    kind: 'image',
    width: 100,
    height: 100,
    durationSec: null,
    status,
    boxCount: 0,
    updatedAt: null,
  }));
}

/** A server with `all` items that answers in pages of at most `pageSize`. */
function server(all: QueueItem[], pageSize: number): QueueFetch {
  return async ({ status, offset, limit }) => {
    const matching = all.filter((i) => !status || status.includes(i.status));
    const counts = { unlabeled: 0, working: 0, submitted: 0, accepted: 0, sent_back: 0 };
    for (const i of all) counts[i.status]++;
    return {
      total: matching.length,
      counts,
      items: matching.slice(offset, offset + Math.min(limit, pageSize)).map((i) => ({ ...i })),
      openRounds: [],
    };
  };
}

describe('WorkQueue', () => {
  const all = items([
    'submitted',
    'unlabeled',
    'working',
    'submitted',
    'sent_back',
    'unlabeled',
    'accepted',
  ]);

  it('filters to the items still to do', async () => {
    const q = new WorkQueue(server(all, 1000));
    await q.reset('todo');
    expect(q.state.items.map((i) => i.assetId)).toEqual([2, 3, 5, 6]);
    expect(q.state.counts.submitted).toBe(2);
  });

  it('walks next and previous, loading more pages on the way', async () => {
    const q = new WorkQueue(server(all, 2));
    await q.reset('all');
    expect(q.state.items).toHaveLength(2);
    expect((await q.neighbour(2, 1))?.assetId).toBe(3);
    expect((await q.neighbour(6, 1))?.assetId).toBe(7);
    expect(await q.neighbour(7, 1)).toBeNull();
    expect(await q.neighbour(1, -1)).toBeNull();
    expect((await q.neighbour(3, -1))?.assetId).toBe(2);
  });

  it('finds the next unfinished item, wrapping around once', async () => {
    const q = new WorkQueue(server(all, 2));
    await q.reset('all');
    expect((await q.nextUnfinished(3))?.assetId).toBe(5);
    expect((await q.nextUnfinished(6))?.assetId).toBe(2);
    q.patch(2, { status: 'submitted' });
    q.patch(3, { status: 'submitted' });
    q.patch(5, { status: 'submitted' });
    expect(await q.nextUnfinished(6)).toBeNull();
    expect(q.state.counts).toMatchObject({ submitted: 5, unlabeled: 1, working: 0, sent_back: 0 });
  });

  it('drops a submitted item from "To do" once the labeler moves on, and pages on correctly', async () => {
    const live = items(['unlabeled', 'unlabeled', 'unlabeled', 'unlabeled', 'unlabeled']);
    const q = new WorkQueue(server(live, 2));
    await q.reset('todo');
    expect(q.state.items.map((i) => i.assetId)).toEqual([1, 2]);
    // Submit item 1 (the server changes too): it stays while it is the open item...
    live[0]!.status = 'submitted';
    q.patch(1, { status: 'submitted' });
    expect(q.state.total).toBe(4);
    const next = await q.nextUnfinished(1);
    expect(next?.assetId).toBe(2);
    expect(q.state.items.map((i) => i.assetId)).toContain(1);
    // ...and while the labeler is next to it (A goes back to it)...
    expect((await q.neighbour(2, -1))?.assetId).toBe(1);
    // Paging asks the server from the right offset: nothing skipped, nothing twice.
    while (await q.loadMore());
    expect(q.state.items.map((i) => i.assetId)).toEqual([1, 2, 3, 4, 5]);
    // ...and goes once they have moved further on.
    expect(q.indexOf(3)).toBe(1);
    expect(q.state.items.map((i) => i.assetId)).toEqual([2, 3, 4, 5]);
    expect(q.state.counts).toMatchObject({ submitted: 1, unlabeled: 4 });
  });

  it('keeps submitted items on the "All" list', async () => {
    const q = new WorkQueue(server(items(['unlabeled', 'unlabeled']), 10));
    await q.reset('all');
    q.patch(1, { status: 'submitted' });
    q.indexOf(2);
    expect(q.state.items.map((i) => i.assetId)).toEqual([1, 2]);
    expect(q.state.total).toBe(2);
  });

  it('counts the position in the list as shown, and drops every submitted item once all are done', async () => {
    const live = items(['unlabeled', 'unlabeled', 'unlabeled']);
    const q = new WorkQueue(server(live, 10));
    await q.reset('todo');
    expect(q.position(2)).toEqual({ index: 1, of: 3 });
    for (const id of [1, 2, 3]) {
      live[id - 1]!.status = 'submitted';
      q.patch(id, { status: 'submitted' });
    }
    // "To do 0": item 1 went as the labeler moved past it; 2 and 3 stay put under them...
    expect(q.state.total).toBe(0);
    expect(q.position(3)).toEqual({ index: 1, of: 2 });
    expect(await q.nextUnfinished(3)).toBeNull();
    // ...and when nothing is left, they all leave: no "2 / 0".
    q.dropLeaving();
    expect(q.state.items).toEqual([]);
    expect(q.position(3)).toEqual({ index: -1, of: 0 });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../identity/testHarness';
import { openTeamHarness } from '../identity/testHarness';

// The import dialog starts imports through assets:import; a metadata CSV that cannot be used
// must be refused by that call (the dialog shows the message) before any job starts.
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('assets:import with a metadata CSV', () => {
  it('refuses a missing CSV or one without a "file" column, and starts no job', async () => {
    const t = (h = await openTeamHarness());
    const missing = path.join(t.dir, 'nope.csv');
    expect(await t.fail('lead', 'assets:import', { paths: [t.dir], metadataCsv: missing })).toEqual(
      {
        code: 'NOT_FOUND',
        message: `Metadata CSV ${missing} does not exist; nothing was imported`,
      },
    );
    const bad = path.join(t.dir, 'bad.csv');
    fs.writeFileSync(bad, '');
    const err = await t.fail('lead', 'assets:import', { paths: [t.dir], metadataCsv: bad });
    expect(err).toEqual({
      code: 'BAD_FILE',
      message: `Metadata CSV ${bad}: the header row needs a "file" column (found: nothing); nothing was imported`,
    });
    expect(await t.call('lead', 'jobs:list', {})).toEqual([]);
  });
});

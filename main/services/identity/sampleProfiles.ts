import type { Db } from '../../db/connection';
import { findProfileByName, insertProfile } from './profileRepository';
import { hashSecret } from './secretHash';

/** Sign-in details of the sample project, also shown on its welcome text and used by e2e. */
export const SAMPLE_LEAD = { name: 'Lead', passphrase: 'concord' } as const;
export const SAMPLE_LABELERS = ['ana', 'ben'] as const;

/**
 * Gives the sample project its people: a lead "Lead" (passphrase "concord") and two
 * labelers "ana" and "ben" without a PIN. Idempotent: existing names are left alone.
 */
export async function seedSampleProfiles(db: Db): Promise<void> {
  const leadHash = findProfileByName(db, SAMPLE_LEAD.name)
    ? null
    : await hashSecret(SAMPLE_LEAD.passphrase);
  db.transaction(() => {
    if (leadHash) insertProfile(db, { name: SAMPLE_LEAD.name, role: 'lead', secretHash: leadHash });
    for (const name of SAMPLE_LABELERS) {
      if (!findProfileByName(db, name))
        insertProfile(db, { name, role: 'labeler', secretHash: null });
    }
  })();
}

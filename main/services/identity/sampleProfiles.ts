import { SAMPLE_LABELERS, SAMPLE_LEAD } from '../../../shared/domain/sampleCredentials';
import type { Db } from '../../db/connection';
import { findProfileByName, insertProfile } from './profileRepository';
import { hashSecret } from './secretHash';

// Defined in shared/ so the sample's sign-in screen shows exactly what is seeded here.
export { SAMPLE_LABELERS, SAMPLE_LEAD };

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

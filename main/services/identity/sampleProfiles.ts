import {
  SAMPLE_LABELER_PINS,
  SAMPLE_LABELERS,
  SAMPLE_LEAD,
} from '../../../shared/domain/sampleCredentials';
import type { Db } from '../../db/connection';
import { findProfileByName, insertProfile } from './profileRepository';
import { hashSecret } from './secretHash';

// Defined in shared/ so the sample's sign-in screen shows exactly what is seeded here.
export { SAMPLE_LABELER_PINS, SAMPLE_LABELERS, SAMPLE_LEAD };

/**
 * Gives the sample project its people: a lead "Lead" (passphrase "concord") and two
 * labelers "ana" (PIN 1111) and "ben" (PIN 2222), so the sample can run blind rounds
 * at once. Idempotent: existing names are left alone.
 */
export async function seedSampleProfiles(db: Db): Promise<void> {
  const leadHash = findProfileByName(db, SAMPLE_LEAD.name)
    ? null
    : await hashSecret(SAMPLE_LEAD.passphrase);
  const pinHashes = new Map<string, string>();
  for (const name of SAMPLE_LABELERS) {
    if (!findProfileByName(db, name))
      pinHashes.set(name, await hashSecret(SAMPLE_LABELER_PINS[name]));
  }
  db.transaction(() => {
    if (leadHash) insertProfile(db, { name: SAMPLE_LEAD.name, role: 'lead', secretHash: leadHash });
    for (const [name, secretHash] of pinHashes) {
      if (!findProfileByName(db, name)) insertProfile(db, { name, role: 'labeler', secretHash });
    }
  })();
}

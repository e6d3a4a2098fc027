/**
 * Sign-in details of the one-click sample project. The main process seeds the profiles from
 * these, and the sign-in screen of the sample shows them, so a newcomer can try both roles
 * without reading the source. They are public on purpose: the sample holds no real data.
 */
export const SAMPLE_LEAD = { name: 'Lead', passphrase: 'concord' } as const;
export const SAMPLE_LABELERS = ['ana', 'ben'] as const;

export interface SampleSignIn {
  name: string;
  role: 'lead' | 'labeler';
  /** The passphrase (lead) or PIN (labeler) to type; null when none is asked. */
  secret: string | null;
}

/** Every sample profile with what to type for it, lead first. */
export function sampleSignIns(): SampleSignIn[] {
  return [
    { name: SAMPLE_LEAD.name, role: 'lead', secret: SAMPLE_LEAD.passphrase },
    ...SAMPLE_LABELERS.map((name): SampleSignIn => ({ name, role: 'labeler', secret: null })),
  ];
}

/**
 * Sign-in details of the one-click sample project. The main process seeds the profiles from
 * these, and the sign-in screen of the sample shows them, so a newcomer can try both roles
 * without reading the source. They are public on purpose: the sample holds no real data.
 */
export const SAMPLE_LEAD = { name: 'Lead', passphrase: 'concord' } as const;
export const SAMPLE_LABELERS = ['ana', 'ben'] as const;
/**
 * The labelers' PINs. Blind rounds need a PIN for every labeler (without one, anyone could
 * sign in as them), so the sample's labelers have one from the start.
 */
export const SAMPLE_LABELER_PINS: Readonly<Record<(typeof SAMPLE_LABELERS)[number], string>> = {
  ana: '1111',
  ben: '2222',
};

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
    ...SAMPLE_LABELERS.map((name): SampleSignIn => ({
      name,
      role: 'labeler',
      secret: SAMPLE_LABELER_PINS[name],
    })),
  ];
}

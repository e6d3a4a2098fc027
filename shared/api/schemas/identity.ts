import { z } from 'zod';
import { Empty, Id, IsoTime, Nothing } from './common';

export const Role = z.enum(['lead', 'labeler']);
export type Role = z.infer<typeof Role>;

/** Shortest passphrase a lead may choose; labeler PINs may be shorter. */
export const MIN_LEAD_SECRET = 6;
export const MIN_LABELER_SECRET = 4;

export const ProfileName = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(60, 'name is longer than 60 characters')
  .regex(/^[^,\n\r\t]+$/, 'name may not contain commas, tabs or line breaks');

/** What anyone may see before signing in: enough to pick yourself from a list. */
export const ProfileListItem = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  /** A lead's passphrase or a labeler's PIN is asked on sign-in. */
  hasSecret: z.boolean(),
});
export type ProfileListItem = z.infer<typeof ProfileListItem>;

export const Profile = ProfileListItem.extend({
  createdAt: IsoTime,
});
export type Profile = z.infer<typeof Profile>;

/** The lead's view of a profile in the People screen. */
export const ProfileDetails = Profile.extend({
  annotationCount: z.number().int(),
  lastSignInAt: IsoTime.nullable(),
});
export type ProfileDetails = z.infer<typeof ProfileDetails>;

const Secret = z.string().max(200, 'passphrase is longer than 200 characters');

export const identityChannels = {
  /** Callable without signing in: the "Who is working?" list. */
  'session:profiles': { input: Empty, output: z.array(ProfileListItem) },
  'session:signIn': {
    input: z.object({ profileId: Id, secret: Secret.optional() }).strict(),
    output: Profile,
  },
  'session:current': { input: Empty, output: Profile.nullable() },
  'session:signOut': { input: Empty, output: Nothing },
  /** Lead only, except the very first profile of a project, which must be a lead. */
  'profiles:create': {
    input: z.object({ name: ProfileName, role: Role, secret: Secret.optional() }).strict(),
    output: Profile,
  },
  /** Lead only. `secret: null` removes a labeler's PIN; leads always keep a passphrase. */
  'profiles:update': {
    input: z
      .object({
        id: Id,
        name: ProfileName.optional(),
        role: Role.optional(),
        secret: Secret.nullable().optional(),
      })
      .strict(),
    output: Profile,
  },
  'profiles:list': { input: Empty, output: z.array(ProfileDetails) },
} as const;

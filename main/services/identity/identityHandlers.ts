import type { Handlers } from '../../transport/dispatch';
import type { ServiceDeps } from '../appServices';
import { createProfile, signIn, updateProfile } from './profileService';
import { profileDetails, profileRows, toProfile, getProfileRow } from './profileRepository';

type IdentityChannels =
  | 'session:profiles'
  | 'session:signIn'
  | 'session:current'
  | 'session:signOut'
  | 'profiles:create'
  | 'profiles:update'
  | 'profiles:list';

export function identityHandlers({
  host,
  bus,
  sessions,
  requireActor,
}: ServiceDeps): Pick<Handlers, IdentityChannels> {
  return {
    'session:profiles': () =>
      profileRows(host.require().db).map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        hasSecret: r.secretHash !== null,
      })),
    'session:signIn': ({ profileId, secret }, ctx) =>
      signIn(host.require().db, sessions, ctx.sessionKey, profileId, secret),
    'session:current': (_input, ctx) => {
      const actor = sessions.current(ctx);
      if (!actor || actor.id === null) return null;
      return toProfile(getProfileRow(host.require().db, actor.id));
    },
    'session:signOut': (_input, ctx) => {
      sessions.signOut(ctx.sessionKey);
      return null;
    },
    'profiles:create': async (input, ctx) => {
      const { db } = host.require();
      const actor = sessions.current(ctx);
      const profile = await createProfile(db, actor, input);
      // The person who creates a project's first lead is that lead: sign them in here.
      if (!actor && profile.role === 'lead') sessions.signIn(ctx.sessionKey, profile.id);
      bus.emit('profiles:changed', {});
      return profile;
    },
    'profiles:update': async (input, ctx) => {
      const actor = requireActor(ctx, 'lead', 'change profiles');
      const profile = await updateProfile(host.require().db, actor, input);
      bus.emit('profiles:changed', {});
      return profile;
    },
    'profiles:list': (_input, ctx) => {
      requireActor(ctx, 'lead', 'manage people');
      return profileDetails(host.require().db);
    },
  };
}

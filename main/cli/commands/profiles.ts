import type { Role } from '../../../shared/api/schemas/identity';
import { ProfileName } from '../../../shared/api/schemas/identity';
import { actorByName, cliOwner } from '../../services/identity/actor';
import { profileDetails } from '../../services/identity/profileRepository';
import { createProfile, updateProfile } from '../../services/identity/profileService';
import type { CliCommand, CommandContext } from '../cliTypes';
import { requireArg, stringFlag, UsageError } from '../cliTypes';

/**
 * People of a project from the shell: list them, add one, set a PIN or passphrase. Blind
 * rounds need a PIN for every labeler (so nobody can sign in as someone else), and people
 * created by `annotations import` have none, so a lead scripting a project needs these.
 * The CLI acts as the project's owner (a lead), through the same identity service as the app.
 */

function secretLabel(role: Role, hasSecret: boolean): string {
  if (role === 'lead') return hasSecret ? 'passphrase' : 'no passphrase';
  return hasSecret ? 'PIN' : 'no PIN (needed for blind rounds)';
}

function nameArg(ctx: CommandContext): string {
  const raw = requireArg(ctx, 1, 'profile name');
  const parsed = ProfileName.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(`profile name "${raw}": ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

function noMoreArgs(ctx: CommandContext, count: number): void {
  if (ctx.args.length > count) throw new UsageError(`unexpected argument "${ctx.args[count]}"`);
}

/** `--pin` for a labeler, `--passphrase` for a lead; either flag is accepted for either role. */
function secretFlag(ctx: CommandContext): string | undefined {
  const pin = stringFlag(ctx, 'pin');
  const passphrase = stringFlag(ctx, 'passphrase');
  if (pin !== undefined && passphrase !== undefined)
    throw new UsageError('give --pin or --passphrase, not both');
  const secret = pin ?? passphrase;
  if (secret !== undefined && secret.trim() === '')
    throw new UsageError(`--${pin !== undefined ? 'pin' : 'passphrase'} is empty`);
  return secret;
}

export const profilesListCommand: CliCommand = {
  words: ['profiles'],
  usage: 'concord profiles P [--json]',
  summary: 'list the people of a project: role, whether they have a PIN or passphrase',
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    noMoreArgs(ctx, 1);
    const { db } = ctx.services().host.open(file);
    const people = profileDetails(db);
    if (ctx.json) {
      ctx.io.out(JSON.stringify({ profiles: people }, null, 2));
      return 0;
    }
    if (people.length === 0) {
      ctx.io.out(
        'No profiles yet. Add the lead with: concord profiles add P NAME --role lead --passphrase TEXT',
      );
      return 0;
    }
    const width = Math.max(...people.map((p) => p.name.length), 4);
    for (const p of people) {
      ctx.io.out(
        `${p.name.padEnd(width)}  ${p.role.padEnd(7)}  ${secretLabel(p.role, p.hasSecret).padEnd(32)}  ${p.annotationCount} annotation(s)`,
      );
    }
    return 0;
  },
};

export const profilesAddCommand: CliCommand = {
  words: ['profiles', 'add'],
  usage: 'concord profiles add P NAME --role labeler|lead [--pin PIN | --passphrase TEXT] [--json]',
  summary:
    'add a person (a lead needs a passphrase; a labeler needs a PIN to take part in blind rounds)',
  valueFlags: ['role', 'pin', 'passphrase'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const name = nameArg(ctx);
    noMoreArgs(ctx, 2);
    const role = stringFlag(ctx, 'role');
    if (role !== 'labeler' && role !== 'lead')
      throw new UsageError(`--role must be labeler or lead${role ? `, got "${role}"` : ''}`);
    const secret = secretFlag(ctx);
    const { db } = ctx.services().host.open(file);
    const profile = await createProfile(db, cliOwner, { name, role, secret });
    if (ctx.json) {
      ctx.io.out(JSON.stringify(profile, null, 2));
      return 0;
    }
    ctx.io.out(
      `Added ${profile.name} (${profile.role}, ${secretLabel(profile.role, profile.hasSecret)}).`,
    );
    return 0;
  },
};

export const profilesSetPinCommand: CliCommand = {
  words: ['profiles', 'set-pin'],
  usage: 'concord profiles set-pin P NAME --pin PIN | --passphrase TEXT | --remove [--json]',
  summary:
    "set or change a labeler's PIN (or a lead's passphrase); --remove takes a labeler's PIN away",
  valueFlags: ['pin', 'passphrase'],
  booleanFlags: ['remove'],
  async run(ctx) {
    const file = requireArg(ctx, 0, 'project file');
    const name = nameArg(ctx);
    noMoreArgs(ctx, 2);
    const secret = secretFlag(ctx);
    const remove = ctx.flags.remove === true;
    if (remove && secret !== undefined) throw new UsageError('give --pin or --remove, not both');
    if (!remove && secret === undefined)
      throw new UsageError('--pin PIN is required (or --remove)');
    const { db } = ctx.services().host.open(file);
    const person = actorByName(db, name);
    const profile = await updateProfile(db, cliOwner, {
      id: person.id!,
      secret: remove ? null : secret,
    });
    if (ctx.json) {
      ctx.io.out(JSON.stringify(profile, null, 2));
      return 0;
    }
    const what = profile.role === 'lead' ? 'passphrase' : 'PIN';
    ctx.io.out(remove ? `Removed ${profile.name}'s ${what}.` : `Set ${profile.name}'s ${what}.`);
    return 0;
  },
};

import { Avatar } from './WhoIsWorking';
import { profileActions, useProfileStore } from './profileStore';

/** The header's "signed in as" with a switch-user button (back to "Who is working?"). */
export function ProfileBadge() {
  const current = useProfileStore((s) => s.current);
  if (!current) return null;
  return (
    <div className="profile-badge" data-testid="current-profile">
      <Avatar name={current.name} role={current.role} size={26} />
      <div className="profile-badge-text">
        <span className="profile-badge-name">{current.name}</span>
        <span className="profile-badge-role">{current.role}</span>
      </div>
      <button className="btn btn-ghost btn-sm" onClick={() => void profileActions.signOut()}>
        Switch user
      </button>
    </div>
  );
}

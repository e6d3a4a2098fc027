import { Icon } from './Icon';
import './components.css';

/** An inline, dismissible error with the service's own message (it names the file and the problem). */
export function ErrorNotice({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <Icon name="alert" className="notice-icon" />
      <div className="notice-text">{message}</div>
      {onDismiss && (
        <button className="btn btn-ghost btn-icon btn-sm" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}

import './components.css';

interface ProgressBarProps {
  done: number;
  /** 0 or less: indeterminate (the total is not known yet). */
  total: number;
  label: string;
}

export function ProgressBar({ done, total, label }: ProgressBarProps) {
  const known = total > 0;
  const pct = known ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div
      className={`progress ${known ? '' : 'progress-indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
    >
      <div className="progress-fill" style={known ? { width: `${pct}%` } : undefined} />
    </div>
  );
}

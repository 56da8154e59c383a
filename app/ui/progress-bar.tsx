// Signatures against the goal: a real <progress> for assistive technology, styled for everyone.
import { formatNumber, plural } from "~/ui/format";

/** `label` is the noun after the count, `[one, other]` for its singular and plural. */
export function ProgressBar({ value, goal, label: [one, other] }: { value: number; goal: number | null; label: [string, string] }) {
  const formatted = formatNumber(value);
  const label = plural(value, one, other);
  if (!goal)
    return (
      <p className="progress-label">
        <strong>{formatted}</strong> {label}
      </p>
    );
  return (
    <div className="progress">
      <p className="progress-label">
        <strong>{formatted}</strong> {label} of {formatNumber(goal)}
      </p>
      <progress max={goal} value={Math.min(value, goal)} aria-label={`${formatted} ${label} of ${formatNumber(goal)}`} />
    </div>
  );
}

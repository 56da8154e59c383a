// Signatures against the goal: a real <progress> for assistive technology, styled for everyone.
export function ProgressBar({ value, goal, label }: { value: number; goal: number | null; label: string }) {
  const formatted = value.toLocaleString("en");
  if (!goal)
    return (
      <p className="progress-label">
        <strong>{formatted}</strong> {label}
      </p>
    );
  return (
    <div className="progress">
      <p className="progress-label">
        <strong>{formatted}</strong> {label} of {goal.toLocaleString("en")}
      </p>
      <progress max={goal} value={Math.min(value, goal)} aria-label={`${formatted} ${label} of ${goal.toLocaleString("en")}`} />
    </div>
  );
}

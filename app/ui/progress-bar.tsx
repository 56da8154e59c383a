// Signatures against the goal: a real <progress> for assistive technology, styled for everyone.
import { useTranslation } from "react-i18next";
import { formatNumberIn } from "~/i18n/format";
import { plural } from "~/ui/format";

/**
 * `label` is the noun after the count, `[one, other]` (the admin's English); without it the bar
 * counts confirmed signatures in the reader's language.
 */
export function ProgressBar({ value, goal, label }: { value: number; goal: number | null; label?: [string, string] }) {
  const { t, i18n } = useTranslation();
  const formatted = formatNumberIn(i18n.language, value);
  const noun = label ? plural(value, label[0], label[1]) : t("progress.signatures", { count: value });
  if (!goal)
    return (
      <p className="progress-label">
        <strong>{formatted}</strong> {noun}
      </p>
    );
  const ofGoal = t("progress.ofGoal", { goal: formatNumberIn(i18n.language, goal) });
  return (
    <div className="progress">
      <p className="progress-label">
        <strong>{formatted}</strong> {noun} {ofGoal}
      </p>
      <progress max={goal} value={Math.min(value, goal)} aria-label={`${formatted} ${noun} ${ofGoal}`} />
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { personStatusLabel, statusTone } from "~/cases/case-status";

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${statusTone(status)}`}>{t(`personStatus.${status}`, { defaultValue: personStatusLabel(status) })}</span>
  );
}

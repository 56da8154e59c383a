import { personStatusLabel, statusTone } from "~/cases/case-status";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${statusTone(status)}`}>{personStatusLabel(status)}</span>;
}

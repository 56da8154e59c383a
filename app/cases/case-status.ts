// The states a person at risk and a case can be in, with the words the pages use for them.
export const personStatuses = [
  "detained",
  "pre_trial_detention",
  "house_arrest",
  "psychiatric_detention",
  "under_investigation",
  "sentenced",
  "fined",
  "released",
  "charges_dropped",
  "acquitted",
  "disappeared",
  "in_exile",
  "unknown",
] as const;
export type PersonStatus = (typeof personStatuses)[number];

export const personStatusLabels: Record<PersonStatus, string> = {
  detained: "Detained",
  pre_trial_detention: "In pre-trial detention",
  house_arrest: "Under house arrest",
  psychiatric_detention: "In psychiatric detention",
  under_investigation: "Under investigation",
  sentenced: "Sentenced",
  fined: "Fined",
  released: "Released",
  charges_dropped: "Charges dropped",
  acquitted: "Acquitted",
  disappeared: "Disappeared",
  in_exile: "In exile",
  unknown: "Status unknown",
};

/** How urgent a status looks: deprived of liberty, at risk, or free. */
export function statusTone(status: string): "danger" | "warning" | "ok" | "neutral" {
  switch (status) {
    case "detained":
    case "pre_trial_detention":
    case "psychiatric_detention":
    case "sentenced":
    case "disappeared":
      return "danger";
    case "house_arrest":
    case "under_investigation":
    case "fined":
    case "in_exile":
      return "warning";
    case "released":
    case "charges_dropped":
    case "acquitted":
      return "ok";
    default:
      return "neutral";
  }
}

export function personStatusLabel(status: string): string {
  return (personStatusLabels as Record<string, string | undefined>)[status] ?? status;
}

export const caseStatuses = ["draft", "active", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  draft: "Draft (not public)",
  active: "Active (public)",
  closed: "Closed (public, no longer campaigning)",
};

// The shape of the demo data: typed data, not SQL. Every fact points at a source by its `key`.

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

/** A date as written in the report: "2018-07-06", or "2018-07" / "2018" when the day is not known. */
export type SeedDate = string;

export interface SeedSource {
  /** Short key used by the facts below, unique within the case, e.g. "redyurt-2018". */
  key: string;
  /** Title of the report, in our words if it has none. */
  title: string;
  /** Who published it (organisation or author). */
  publisher: string;
  /** The seed file it comes from, e.g. "seeds/000_d497fdb2a5226d32.txt". */
  reference: string;
  /** Public URL only if the report itself names one; never invented. */
  url?: string;
  /** Date of publication if the report gives it. */
  publishedOn?: SeedDate;
}

export interface SeedStatusChange {
  status: PersonStatus;
  occurredOn: SeedDate;
  /** One sentence in our own words. */
  note: string;
  source: string; // SeedSource.key
}

export interface SeedCharge {
  /** e.g. "Criminal Code", "Administrative Code" */
  law: string;
  /** e.g. "405", "488", "434" */
  article: string;
  /** What the article punishes, in our words, e.g. "Participation in the activities of a banned extremist organisation". */
  description: string;
  source: string;
}

export interface SeedPerson {
  name: string;
  /** Who they are, one short sentence in our words (activist, journalist, observer, ...). */
  description: string;
  /** Where they are held now, if held (facility, city); omit when not known or not held. */
  heldAt?: string;
  /** Status history, oldest first; the last one is the current status. At least one. */
  statusHistory: SeedStatusChange[];
  charges: SeedCharge[];
}

export interface SeedEvent {
  occurredOn: SeedDate;
  /** One or two sentences in our own words. */
  description: string;
  source: string;
}

export interface SeedDemand {
  /** What we ask the authorities, in our own words. */
  text: string;
  source?: string;
}

export interface SeedCase {
  /** URL slug, lower-case, e.g. "red-yurt-almaty-rally-2018". */
  slug: string;
  title: string;
  /** Two to four sentences in our own words. */
  summary: string;
  /** Country where the persecution happens, ISO 3166 alpha-2 upper case: "KZ". */
  country: string;
  /** Date the case began. */
  startedOn: SeedDate;
  sources: SeedSource[];
  people: SeedPerson[];
  events: SeedEvent[];
  demands: SeedDemand[];
}

// Column mappings recognised from a file's headers: our own export, the European Parliament's MEP
// list (meps-2024.csv) and the database-of-embassies Wikidata export (kazakhstan-missions-2022.csv).
// A preset only proposes: the organiser sees every choice in the mapping step and can change it.
import { perField, type TargetField, type TargetKind } from "~/targets/target.schema";

/** One source record: the file's cells by header. */
export type SourceRecord = Readonly<Record<string, string>>;

/**
 * Where a field's value comes from: nothing, a column of the file, the same kind for every row, or
 * a value the recognised preset computes from several columns ("first_name + last_name").
 */
export type MappingChoice = "" | `column:${string}` | `fixed:${TargetKind}` | `preset:${TargetField}`;
export type Mapping = Record<TargetField, MappingChoice>;

export interface ComputedValue {
  /** What the mapping step shows, e.g. "first_name + last_name, last name in normal case". */
  label: string;
  /** A string the row schema then checks, like a cell: lists as "a|b". */
  value: (record: SourceRecord) => string;
}

export interface Preset {
  id: "ours" | "meps" | "missions";
  label: string;
  recognises: (headers: readonly string[]) => boolean;
  computed: Partial<Record<TargetField, ComputedValue>>;
  mapping: Partial<Mapping>;
}

const cell = (record: SourceRecord, header: string) => (record[header] ?? "").trim();
const splitPipes = (value: string) =>
  value
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);
const hasAll = (headers: readonly string[], wanted: readonly string[]) => wanted.every((w) => headers.includes(w));

// ------------------------------------------------------------------------------------------------
// (1) Our own export: the headers export.server.ts writes, one per field.

export const exportHeaders: Record<TargetField, string> = {
  kind: "kind",
  name: "name",
  position: "position",
  body: "body",
  country: "country",
  jurisdictions: "jurisdictions",
  email: "email",
  postalAddress: "postal_address",
  phone: "phone",
  fax: "fax",
  website: "website",
  languages: "languages",
  salutation: "salutation",
  tags: "tags",
  active: "active",
  notes: "notes",
  externalId: "external_id",
};

const ours: Preset = {
  id: "ours",
  label: "Targets exported from Solidarity letters",
  recognises: (headers) => hasAll(headers, ["kind", "name", "external_id"]),
  computed: {},
  mapping: perField((field): MappingChoice => `column:${exportHeaders[field]}`),
};

// ------------------------------------------------------------------------------------------------
// Languages: the main language(s) of each EU country, for letters to its MEPs and embassies there.

const mainLanguages: Readonly<Record<string, readonly string[]>> = {
  AT: ["de"],
  BE: ["nl", "fr"],
  BG: ["bg"],
  CY: ["el"],
  CZ: ["cs"],
  DE: ["de"],
  DK: ["da"],
  EE: ["et"],
  ES: ["es"],
  FI: ["fi"],
  FR: ["fr"],
  GR: ["el"],
  HR: ["hr"],
  HU: ["hu"],
  IE: ["en"],
  IT: ["it"],
  LT: ["lt"],
  LU: ["fr", "de"],
  LV: ["lv"],
  MT: ["mt", "en"],
  NL: ["nl"],
  PL: ["pl"],
  PT: ["pt"],
  RO: ["ro"],
  SE: ["sv"],
  SI: ["sl"],
  SK: ["sk"],
};

export function languagesOf(country: string): string[] {
  return [...(mainLanguages[country.toUpperCase()] ?? ["en"])];
}

// ------------------------------------------------------------------------------------------------
// (2) The MEP file: one row per MEP, last names in capitals, one column per committee code.

// Particles written in lower case after a first name ("Brigitte van den Berg", "Raúl de la Hoz
// Quintano", "Michael von der Schulenburg"), except where the country capitalises them
// ("Kris Van Dijck", "Salvatore De Meo", "Isabelle Le Callennec").
const particles = new Set([
  "van",
  "von",
  "der",
  "den",
  "ter",
  "ten",
  "de",
  "del",
  "la",
  "las",
  "los",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "i",
  "y",
  "e",
  "zu",
]);
const particleCountries = new Set(["NL", "DE", "AT", "ES", "PT"]);

function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase();
  const first = lower.charAt(0).toLocaleUpperCase() + lower.slice(1);
  // McNamara, McAllister: the file gives MCNAMARA.
  return /^Mc./.test(first) ? `Mc${first.charAt(2).toLocaleUpperCase()}${first.slice(3)}` : first;
}

/** "WERBROUCK" → "Werbrouck", "VAN DEN BERG" (NL) → "van den Berg", "DI RUPO" (BE) → "Di Rupo". */
export function normalCaseName(name: string, country: string): string {
  const lowerParticles = particleCountries.has(country.toUpperCase());
  let index = 0;
  // Words are split on spaces and hyphens, keeping the separators: "García Hermida-van der Walle".
  return name
    .trim()
    .split(/([\s-]+)/)
    .map((part) => {
      if (/^[\s-]*$/.test(part)) return part;
      const position = index++;
      const lower = part.toLocaleLowerCase();
      if (particles.has(lower) && (position > 0 || lowerParticles)) return lower;
      return capitalise(part);
    })
    .join("");
}

const committeeRoles: Readonly<Record<string, string>> = { M: "member", S: "substitute", C: "chair", V: "vice-chair" };
const mepFixedHeaders = new Set([
  "dxid",
  "country",
  "first_name",
  "last_name",
  "email",
  "eugroup",
  "party",
  "committee",
  "substitute",
  "delegation",
  "epid",
  "since",
]);

/** Committee code → role, from the M/S/C/V columns and from the committee/substitute fields. */
function mepCommittees(record: SourceRecord): Map<string, string> {
  const roles = new Map<string, string>();
  for (const code of splitPipes(cell(record, "committee"))) roles.set(code, "member");
  for (const code of splitPipes(cell(record, "substitute"))) if (!roles.has(code)) roles.set(code, "substitute");
  for (const [header, value] of Object.entries(record)) {
    const role = committeeRoles[value.trim().toUpperCase()];
    if (!mepFixedHeaders.has(header) && /^[A-Z0-9-]{3,6}$/.test(header) && role) roles.set(header, role);
  }
  return roles;
}

// The file writes the non-attached members' group as "NA".
function mepGroup(record: SourceRecord): string {
  const group = cell(record, "eugroup");
  return group === "NA" ? "Non-attached" : group;
}

function mepName(record: SourceRecord): string {
  return `${cell(record, "first_name")} ${normalCaseName(cell(record, "last_name"), cell(record, "country"))}`.trim();
}

const meps: Preset = {
  id: "meps",
  label: "Members of the European Parliament (MEP list with committee columns)",
  recognises: (headers) => hasAll(headers, ["first_name", "last_name", "eugroup", "epid"]),
  computed: {
    name: { label: "first_name + last_name, last name in normal case", value: mepName },
    position: { label: "“Member of the European Parliament”", value: () => "Member of the European Parliament" },
    body: { label: "political group (eugroup; NA is written Non-attached)", value: mepGroup },
    languages: { label: "main language of the country", value: (r) => languagesOf(cell(r, "country")).join("|") },
    salutation: { label: "“Dear” + first_name + last_name", value: (r) => `Dear ${mepName(r)}` },
    tags: {
      label: "committee codes (members and substitutes), delegation codes and political group",
      value: (r) =>
        [...mepCommittees(r).keys(), ...splitPipes(cell(r, "delegation")), mepGroup(r)]
          .filter(Boolean)
          .map((t) => t.toLowerCase())
          .join("|"),
    },
    website: {
      label: "the MEP's page on europarl.europa.eu, from epid",
      value: (r) => (/^\d+$/.test(cell(r, "epid")) ? `https://www.europarl.europa.eu/meps/en/${cell(r, "epid")}` : ""),
    },
    notes: {
      label: "committee roles, delegations and national party",
      value: (r) => {
        const committees = [...mepCommittees(r)].map(([code, role]) => `${code} (${role})`).join(", ");
        const delegations = splitPipes(cell(r, "delegation")).join(", ");
        return [
          committees && `Committees: ${committees}.`,
          delegations && `Delegations: ${delegations}.`,
          cell(r, "party") && `National party: ${cell(r, "party")}.`,
        ]
          .filter(Boolean)
          .join(" ");
      },
    },
    externalId: { label: "“mep:” + epid", value: (r) => (cell(r, "epid") ? `mep:${cell(r, "epid")}` : "") },
  },
  mapping: {
    kind: "fixed:mep",
    name: "preset:name",
    position: "preset:position",
    body: "preset:body",
    country: "column:country",
    email: "column:email",
    website: "preset:website",
    languages: "preset:languages",
    salutation: "preset:salutation",
    tags: "preset:tags",
    notes: "preset:notes",
    externalId: "preset:externalId",
  },
};

// ------------------------------------------------------------------------------------------------
// (3) The database-of-embassies export (Wikidata, semicolon-separated): countries are English names.

/** The countries that occur in kazakhstan-missions-2022.csv, as Wikidata names them. */
export const countryCodesByName: Readonly<Record<string, string>> = {
  Albania: "AL",
  Andorra: "AD",
  "Antigua and Barbuda": "AG",
  Armenia: "AM",
  Australia: "AU",
  Austria: "AT",
  Azerbaijan: "AZ",
  Bangladesh: "BD",
  Barbados: "BB",
  Belarus: "BY",
  Belgium: "BE",
  Belize: "BZ",
  Bhutan: "BT",
  "Bosnia and Herzegovina": "BA",
  Brazil: "BR",
  Bulgaria: "BG",
  Canada: "CA",
  Chile: "CL",
  Croatia: "HR",
  Cyprus: "CY",
  "Czech Republic": "CZ",
  Denmark: "DK",
  Dominica: "DM",
  "El Salvador": "SV",
  Estonia: "EE",
  Finland: "FI",
  France: "FR",
  Germany: "DE",
  Greece: "GR",
  Grenada: "GD",
  Guatemala: "GT",
  Guyana: "GY",
  Haiti: "HT",
  Honduras: "HN",
  Iceland: "IS",
  India: "IN",
  Indonesia: "ID",
  Israel: "IL",
  Italy: "IT",
  Japan: "JP",
  Kazakhstan: "KZ",
  Latvia: "LV",
  Lithuania: "LT",
  Luxembourg: "LU",
  Maldives: "MV",
  Malta: "MT",
  Mexico: "MX",
  Monaco: "MC",
  Mongolia: "MN",
  Montenegro: "ME",
  Netherlands: "NL",
  "New Zealand": "NZ",
  Nicaragua: "NI",
  Norway: "NO",
  Panama: "PA",
  "People's Republic of China": "CN",
  Philippines: "PH",
  Poland: "PL",
  Portugal: "PT",
  "Republic of Ireland": "IE",
  Romania: "RO",
  Russia: "RU",
  "Saint Kitts and Nevis": "KN",
  "Saint Lucia": "LC",
  "Saint Vincent and the Grenadines": "VC",
  "San Marino": "SM",
  "Saudi Arabia": "SA",
  Serbia: "RS",
  Singapore: "SG",
  Slovenia: "SI",
  "South Africa": "ZA",
  "South Korea": "KR",
  Spain: "ES",
  "Sri Lanka": "LK",
  Suriname: "SR",
  Sweden: "SE",
  Switzerland: "CH",
  "The Bahamas": "BS",
  "Trinidad and Tobago": "TT",
  Turkey: "TR",
  Ukraine: "UA",
  "United Kingdom": "GB",
  "United States of America": "US",
  "Vatican City": "VA",
};

/** A name we do not know stays as it is, so the row check reports it instead of guessing. */
function countryCode(name: string): string {
  return countryCodesByName[name.trim()] ?? name.trim();
}

// "3rd arrondissement of Lyon" → "Lyon": the consulate is in Lyon; the district adds nothing to a name.
function cityName(city: string): string {
  return city.replace(/^\d+\w*\s+arrondissement\s+of\s+/i, "").trim();
}

function missionName(record: SourceRecord): string {
  const type = cell(record, "type") || "embassy";
  const operator = cell(record, "operator") || "Kazakhstan";
  const city = cityName(cell(record, "city"));
  const country = cell(record, "country");
  const title = `${type.charAt(0).toLocaleUpperCase()}${type.slice(1)} of ${operator}`;
  // An embassy is known by its country; a consulate by its city ("Honorary consulate … in Lyon").
  const place = /embassy/i.test(type) ? country || city : city || country;
  if (!place) return title;
  return /mission|delegation/i.test(type) ? `${title} to ${place}` : `${title} in ${place}`;
}

const missions: Preset = {
  id: "missions",
  label: "Diplomatic missions (database-of-embassies export from Wikidata)",
  recognises: (headers) => hasAll(headers, ["operator", "jurisdictions", "country", "address", "type", "QID"]),
  computed: {
    name: { label: "type + operator + country (embassy) or city (consulate)", value: missionName },
    body: { label: "the same as the name", value: missionName },
    country: { label: "country name → two-letter code", value: (r) => countryCode(cell(r, "country")) },
    jurisdictions: {
      label: "jurisdictions, names → two-letter codes",
      value: (r) => splitPipes(cell(r, "jurisdictions")).map(countryCode).join("|"),
    },
    email: { label: "email, without “mailto:”", value: (r) => cell(r, "email").replace(/^mailto:/i, "") },
    languages: {
      label: "main language of the country, and English",
      value: (r) => [...new Set([...languagesOf(countryCode(cell(r, "country"))), "en"])].join("|"),
    },
    salutation: { label: "“Your Excellency”", value: () => "Your Excellency" },
    tags: { label: "the operator, e.g. kazakhstan", value: (r) => cell(r, "operator").toLowerCase() },
    notes: {
      label: "the city (the file rarely gives a street address)",
      value: (r) => (cell(r, "city") ? `City: ${cell(r, "city")}.` : ""),
    },
    externalId: {
      label: "“wikidata:” + the Q-number of the QID column",
      value: (r) => {
        const qid = /Q\d+$/.exec(cell(r, "QID"))?.[0];
        return qid ? `wikidata:${qid}` : "";
      },
    },
  },
  mapping: {
    kind: "fixed:embassy",
    name: "preset:name",
    body: "preset:body",
    country: "preset:country",
    jurisdictions: "preset:jurisdictions",
    // Only the address cell: a city or coordinates are not an address, and none is ever made up.
    postalAddress: "column:address",
    phone: "column:phone",
    email: "preset:email",
    website: "column:website",
    languages: "preset:languages",
    salutation: "preset:salutation",
    tags: "preset:tags",
    notes: "preset:notes",
    externalId: "preset:externalId",
  },
};

export const presets: readonly Preset[] = [ours, meps, missions];

export function recognisePreset(headers: readonly string[]): Preset | null {
  return presets.find((p) => p.recognises(headers)) ?? null;
}

// ------------------------------------------------------------------------------------------------
// Any other file: guess each field from header words; the organiser corrects the rest.

const headerWords: Record<TargetField, readonly string[]> = {
  kind: ["kind", "type", "category"],
  name: ["name", "fullname", "targetname", "recipient"],
  position: ["position", "title", "jobtitle", "role", "function"],
  body: ["body", "organisation", "organization", "institution", "office"],
  country: ["country", "countrycode", "iso2", "located"],
  jurisdictions: ["jurisdictions", "jurisdiction", "answersfor", "accreditedto", "covers"],
  email: ["email", "emailaddress", "mail"],
  postalAddress: ["postaladdress", "address", "postal", "streetaddress", "mailingaddress"],
  phone: ["phone", "telephone", "tel", "phonenumber"],
  fax: ["fax", "faxnumber"],
  website: ["website", "url", "web", "homepage"],
  languages: ["languages", "language", "lang"],
  salutation: ["salutation", "greeting", "dear"],
  tags: ["tags", "tag", "labels", "committees"],
  active: ["active", "enabled"],
  notes: ["notes", "note", "comments", "comment", "remarks"],
  externalId: ["externalid", "id", "identifier", "reference"],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

export function guessMapping(headers: readonly string[]): Mapping {
  const used = new Set<string>();
  return perField((field): MappingChoice => {
    const header = headers.find((h) => !used.has(h) && headerWords[field].includes(normalise(h)));
    if (header === undefined) return "";
    used.add(header);
    return `column:${header}`;
  });
}

/** The proposed mapping: the preset's choices where its columns exist, guesses for the rest. */
export function proposedMapping(headers: readonly string[], preset: Preset | null): Mapping {
  if (!preset) return guessMapping(headers);
  return perField((field): MappingChoice => {
    const choice = preset.mapping[field];
    if (choice === undefined) return "";
    if (choice.startsWith("column:") && !headers.includes(choice.slice("column:".length))) return "";
    return choice;
  });
}

// Writes prisma/seed/targets.ts, the demo targets, from the real files in prisma/seed/data, read with
// the app's own import (the same presets an organiser's upload gets). Run it again when the files or
// the presets change:  npx tsx scripts/make-demo-targets.ts
//
// What goes in: Kazakhstan's embassies in the demo sections' countries (BE, DE); the four Kazakh
// officials the reports' recommendations address; and the MEPs of the human-rights subcommittee
// (DROI, members and substitutes) and of the Central Asia delegation (DCAS). Every email address is
// rewritten to example.org, so the demo can never mail a real person.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { proposedMapping, recognisePreset } from "~/targets/presets";
import { checkRows, readTargetFile } from "~/targets/target-file";
import type { TargetRow } from "~/targets/target.schema";
import type { TargetData } from "~/targets/target.server";

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, "../prisma/seed/data");
const output = path.resolve(here, "../prisma/seed/targets.ts");

const DEMO_SECTION_COUNTRIES = ["BE", "DE"];
const DEMO_TAGS = ["droi", "dcas"];

function readRows(fileName: string): TargetRow[] {
  const read = readTargetFile(fs.readFileSync(path.join(dataDir, fileName), "utf8"));
  if (!read.ok) throw new Error(`${fileName}: ${read.error}`);
  const preset = recognisePreset(read.table.headers);
  if (!preset) throw new Error(`${fileName}: no preset recognises its headers`);
  const check = checkRows(read.table, proposedMapping(read.table.headers, preset), preset);
  const errors = check.problems.filter((p) => p.severity === "error");
  if (errors.length) throw new Error(`${fileName}: ${errors.length} rows with errors, e.g. ${JSON.stringify(errors[0])}`);
  return check.rows.flatMap((r) => (r.data ? [r.data] : []));
}

/** "christophe.bay@europarl.europa.eu" → "christophe.bay@example.org". */
function demoEmail(email: string): string {
  return `${email.split("@")[0]}@example.org`;
}

function toData(row: TargetRow, email: string | null): TargetData {
  const { active: _active, ...data } = row;
  return { ...data, email };
}

// Kazakhstan's embassies where the demo sections are. The file gives them no email: the demo
// address lets the sections' email flow run; the notes say it is not the embassy's.
const embassies = readRows("kazakhstan-missions-2022.csv")
  .filter((r) => r.country !== null && DEMO_SECTION_COUNTRIES.includes(r.country) && /^Embassy /.test(r.name))
  .map((r) => {
    const country = (r.country ?? "").toLowerCase();
    const data = toData(r, r.email ? demoEmail(r.email) : `embassy-${country}@example.org`);
    return {
      ...data,
      notes: [
        data.notes,
        "Demo email address on example.org: the source gives the embassy none.",
        // The postal address comes only from the file's address cell (see the missions preset); the
        // note says where it came from, or that a letter for post needs one first.
        data.postalAddress
          ? "Postal address from the missions file (Wikidata, 2022-11-16)."
          : "No postal address in the missions file (Wikidata, 2022-11-16): add the official one before printing letters for post.",
      ]
        .filter(Boolean)
        .join(" "),
    };
  });

const meps = readRows("meps-2024.csv")
  .filter((r) => r.tags.some((t) => DEMO_TAGS.includes(t)))
  .map((r) => toData(r, r.email ? demoEmail(r.email) : null));

// The officials the reports call on. Names only where a report names the holder; no postal
// address, because none of the seed reports gives one (an organiser adds it).
const officialBase = {
  kind: "official",
  country: "KZ",
  jurisdictions: ["KZ"],
  postalAddress: null,
  phone: null,
  fax: null,
  website: null,
  languages: ["en", "ru"],
  tags: ["kazakhstan"],
} as const satisfies Partial<TargetData>;
const noAddress = "No postal address in the reports: add the official one before printing letters. Demo email address on example.org.";

const officials: TargetData[] = [
  {
    ...officialBase,
    name: "Kassym-Jomart Tokayev",
    position: "President of the Republic of Kazakhstan",
    body: "Office of the President of the Republic of Kazakhstan",
    email: "kz-president@example.org",
    salutation: "Your Excellency",
    notes: `Named as president in seeds/001_0018abe17a8e756f.txt (2019) and seeds/002_d8f28fee8d092074.txt (2022). ${noAddress}`,
    externalId: "demo:kz-president",
  },
  {
    ...officialBase,
    name: "Prosecutor General of the Republic of Kazakhstan",
    position: "Prosecutor General",
    body: "General Prosecutor's Office of the Republic of Kazakhstan",
    email: "kz-prosecutor-general@example.org",
    salutation: "Dear Prosecutor General",
    notes: `The reports name the General Prosecutor's Office (seeds/002_d8f28fee8d092074.txt) but not its head. ${noAddress}`,
    externalId: "demo:kz-prosecutor-general",
  },
  {
    ...officialBase,
    name: "Elvira Azimova",
    position: "Commissioner for Human Rights (Ombudsman) of the Republic of Kazakhstan",
    body: "Office of the Commissioner for Human Rights of the Republic of Kazakhstan",
    email: "kz-human-rights-commissioner@example.org",
    salutation: "Dear Ms Azimova",
    notes: `Named as Kazakhstan's human rights commissioner in seeds/002_d8f28fee8d092074.txt (December 2022). ${noAddress}`,
    externalId: "demo:kz-human-rights-commissioner",
  },
  {
    ...officialBase,
    name: "Minister of Internal Affairs of the Republic of Kazakhstan",
    position: "Minister of Internal Affairs",
    body: "Ministry of Internal Affairs of the Republic of Kazakhstan",
    email: "kz-interior-minister@example.org",
    salutation: "Dear Minister",
    notes: `seeds/001_0018abe17a8e756f.txt (2019) names Yerlan Turgumbayev as Interior Minister; the later reports name no minister, so the title stands without a name. ${noAddress}`,
    externalId: "demo:kz-interior-minister",
  },
];

const targets = [...embassies, ...officials, ...meps];
for (const t of targets) {
  if (t.email && !t.email.endsWith("@example.org")) throw new Error(`${t.name}: ${t.email} is not on example.org`);
}

const keys = [
  "kind",
  "name",
  "position",
  "body",
  "country",
  "jurisdictions",
  "email",
  "postalAddress",
  "phone",
  "fax",
  "website",
  "languages",
  "salutation",
  "tags",
  "notes",
  "externalId",
] as const satisfies ReadonlyArray<keyof TargetData>;

const value = (v: TargetData[keyof TargetData]) =>
  Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v);

/** One object per target, one field per line, in the order of the type, lists on one line. */
const literal = (list: readonly TargetData[]) =>
  `[\n${list.map((t) => `  {\n${keys.map((k) => `    ${k}: ${value(t[k])},`).join("\n")}\n  },`).join("\n")}\n]`;

const file = `// GENERATED by scripts/make-demo-targets.ts from prisma/seed/data (meps-2024.csv, kazakhstan-missions-2022.csv)
// and the officials named in the seed reports. Do not edit by hand: change the script and run it again.
// Every email address is on example.org, so the demo can never mail a real person.

/** A demo target: the fields of a target, lists as arrays. */
export interface DemoTarget {
  kind: "embassy" | "mep" | "official" | "other";
  name: string;
  position: string | null;
  body: string | null;
  /** ISO 3166 alpha-2, upper case */
  country: string | null;
  jurisdictions: string[];
  /** Always on example.org */
  email: string | null;
  /** Only from a source; never made up */
  postalAddress: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  languages: string[];
  salutation: string | null;
  /** Lower case: committee and delegation codes, political group */
  tags: string[];
  notes: string | null;
  externalId: string | null;
}

/** ${embassies.length} embassies, ${officials.length} officials, ${meps.length} MEPs (DROI members and substitutes, DCAS delegation). */
export const demoTargets: DemoTarget[] = ${literal(targets)};
`;
fs.writeFileSync(output, file);
console.log(
  `Wrote ${path.relative(process.cwd(), output)}: ${embassies.length} embassies, ${officials.length} officials, ${meps.length} MEPs.`,
);

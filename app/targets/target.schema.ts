// What a target is made of, and the one zod schema that checks it: typed into the form, or read
// from a row of an imported file (the import reuses the form's rules, so both accept the same data).
import { z } from "zod";
import { cleanSingleLine, multiLine, singleLine } from "~/security/text";

export const targetKinds = ["embassy", "mep", "official", "other"] as const;
export type TargetKind = (typeof targetKinds)[number];

export const targetKindLabels: Record<TargetKind, string> = {
  embassy: "Embassy or consulate",
  mep: "Member of the European Parliament",
  official: "Official",
  other: "Other",
};

/** Short words for tables, where "Member of the European Parliament" would take a column's width. */
export const targetKindShortLabels: Record<TargetKind, string> = {
  embassy: "Embassy",
  mep: "MEP",
  official: "Official",
  other: "Other",
};

export function targetKindLabel(kind: string, short = false): string {
  const known = targetKinds.find((k) => k === kind);
  if (!known) return kind;
  return short ? targetKindShortLabels[known] : targetKindLabels[known];
}

/** Every field a target has, in the order of the form, of the import mapping and of the export. */
export const targetFields = [
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
  "active",
  "notes",
  "externalId",
] as const;
export type TargetField = (typeof targetFields)[number];

export const targetFieldLabels: Record<TargetField, string> = {
  kind: "Kind",
  name: "Name",
  position: "Position",
  body: "Body",
  country: "Country",
  jurisdictions: "Countries it answers for",
  email: "Email",
  postalAddress: "Postal address",
  phone: "Phone",
  fax: "Fax",
  website: "Website",
  languages: "Languages",
  salutation: "Salutation",
  tags: "Tags",
  active: "Active",
  notes: "Notes",
  externalId: "External id",
};

/** One value per field, built without casts (a loop over the fields would lose the key type). */
export function perField<T>(make: (field: TargetField) => T): Record<TargetField, T> {
  return {
    kind: make("kind"),
    name: make("name"),
    position: make("position"),
    body: make("body"),
    country: make("country"),
    jurisdictions: make("jurisdictions"),
    email: make("email"),
    postalAddress: make("postalAddress"),
    phone: make("phone"),
    fax: make("fax"),
    website: make("website"),
    languages: make("languages"),
    salutation: make("salutation"),
    tags: make("tags"),
    active: make("active"),
    notes: make("notes"),
    externalId: make("externalId"),
  };
}

const optionalText = (label: string, max: number, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine() : singleLine())
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** A code the ISO 3166 list knows ("BE", "XK"), not just two letters ("QQ"). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return false;
  return regionNames.of(code) !== code;
}

const countryMessage = (code: string) => `“${code}” is not a country code: use the two-letter ISO code, e.g. BE.`;

const optionalCountry = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null)
  .superRefine((code, ctx) => {
    // The report and the form show the typed value beside the message; "BELGIUM" in capitals would not help.
    if (code !== null && !isCountryCode(code)) {
      ctx.addIssue({ code: "custom", message: "Not a country code: use the two-letter ISO code, e.g. BE." });
    }
  });

/** "BE, lu" or "BE|LU" → ["BE", "LU"]: forms take commas, files often take "|". */
function splitList(value: string, separators: RegExp): string[] {
  return [
    ...new Set(
      value
        .split(separators)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

const countryList = z
  .string()
  .default("")
  .transform((v) => splitList(v.toUpperCase(), /[\s,;|]+/))
  .superRefine((codes, ctx) => {
    for (const code of codes) if (!isCountryCode(code)) ctx.addIssue({ code: "custom", message: countryMessage(code) });
  });

// Letters need a language to pick their template: an empty field means English, the common one.
const languageList = z
  .string()
  .default("")
  .transform((v) => {
    const codes = splitList(v.toLowerCase(), /[\s,;|]+/);
    return codes.length ? codes : ["en"];
  })
  .superRefine((codes, ctx) => {
    for (const code of codes) {
      if (!/^[a-z]{2,3}$/.test(code)) {
        ctx.addIssue({ code: "custom", message: `“${code}” is not a language code: use two letters, e.g. en, fr, de.` });
      }
    }
  });

// Tags may hold spaces ("human rights"), so only commas, semicolons, "|" and new lines separate them.
const tagList = multiLine()
  .default("")
  .transform((v) => splitList(v.toLowerCase().replace(/[^\S\n]+/g, " "), /[,;|\n]+/))
  .superRefine((tags, ctx) => {
    for (const tag of tags) {
      if (tag.length > 40) ctx.addIssue({ code: "custom", message: `The tag “${tag.slice(0, 40)}…” is longer than 40 characters.` });
    }
  });

// Wikidata and many address books write "mailto:name@host": the address is what follows.
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^mailto:/, ""))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null)
  .pipe(z.email({ error: "Give an email address like name@example.org (or leave it empty)." }).max(254).nullable());

const optionalPhone = (label: string) =>
  optionalText(label, 60).refine(
    (v) => v === null || /^[+0-9][0-9 ()./-]*$/.test(v),
    `Write the ${label.toLowerCase()} number with digits, spaces and + ( ) - . only, e.g. +32 2 555 00 00.`,
  );

const optionalWebsite = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null)
  .pipe(
    z
      .url({ protocol: /^https?$/, error: "Give a full web address starting with https:// (or leave it empty)." })
      .max(500)
      .nullable(),
  );

/** The target form: what an organiser types, and what each imported row must be. */
export const TargetSchema = z.object({
  kind: z
    .string({ error: "Choose a kind: embassy, mep, official or other." })
    .trim()
    .toLowerCase()
    .pipe(z.enum(targetKinds, { error: "Choose a kind: embassy, mep, official or other." })),
  name: singleLine({ error: "Name is required." }).trim().min(1, "Name is required.").max(200, "Name can be at most 200 characters."),
  position: optionalText("Position", 300),
  body: optionalText("Body", 300),
  country: optionalCountry,
  jurisdictions: countryList,
  email: optionalEmail,
  postalAddress: optionalText("Postal address", 1000, "multi"),
  phone: optionalPhone("Phone"),
  fax: optionalPhone("Fax"),
  website: optionalWebsite,
  languages: languageList,
  salutation: optionalText("Salutation", 200),
  tags: tagList,
  notes: optionalText("Notes", 5000, "multi"),
});
export type TargetInput = z.infer<typeof TargetSchema>;

// "" leaves the flag as it is (a new target is active); anything else must say yes or no.
const optionalActive = z
  .string()
  .trim()
  .toLowerCase()
  .default("")
  .transform((v, ctx) => {
    if (v === "") return null;
    if (["yes", "y", "true", "1", "active"].includes(v)) return true;
    if (["no", "n", "false", "0", "inactive"].includes(v)) return false;
    ctx.addIssue({ code: "custom", message: "Write yes or no." });
    return z.NEVER;
  });

/** One row of an imported file: the form's fields, plus the flag and the identity in its source. */
export const TargetRowSchema = TargetSchema.extend({
  active: optionalActive,
  externalId: optionalText("External id", 200),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

/** The longest search for a target name that is read; the rest is cut. */
export const MAX_TARGET_QUERY = 100;

/** Filters of the target list, from the query string; a value that makes no sense is ignored. */
export const TargetFiltersSchema = z.object({
  kind: z.enum(targetKinds).optional().catch(undefined),
  country: z.string().trim().toUpperCase().refine(isCountryCode).optional().catch(undefined),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40)
    .refine((t) => !t.includes("|"))
    .optional()
    .catch(undefined),
  /** Part of a name (or the body it speaks for); a longer query is cut, not refused. */
  q: z
    .string()
    .transform((q) => cleanSingleLine(q).trim().slice(0, MAX_TARGET_QUERY))
    .pipe(z.string().min(1))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type TargetFilters = z.infer<typeof TargetFiltersSchema>;

export function filtersFromUrl(url: URL): TargetFilters {
  const value = (name: string) => url.searchParams.get(name) || undefined;
  return TargetFiltersSchema.parse({
    kind: value("kind"),
    country: value("country"),
    tag: value("tag"),
    q: value("q"),
    page: value("page"),
  });
}

// What organisers may type for a case and its facts: one zod schema per form, used on the server.
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { caseStatuses, personStatuses } from "~/cases/case-status";

const text = (label: string, max: number, min = 1, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine({ error: `${label} is required.` }) : singleLine({ error: `${label} is required.` }))
    .trim()
    .min(min, min === 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`)
    .max(max, `${label} can be at most ${max} characters.`);

const optionalText = (label: string, max: number, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine() : singleLine())
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y ?? 0, m - 1, d));
  return date.getUTCDate() === d;
}

/** "2018-07-06", or "2018-07" / "2018" when the report does not give the day. */
export const partialDate = z
  .string({ error: "Date is required." })
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY when the day is not known).")
  .refine(isRealDate, "This date does not exist.");

const optionalPartialDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null)
  .pipe(partialDate.nullable());

const sourceId = z.string({ error: "Choose the source of this fact." }).trim().min(1, "Choose the source of this fact.");
const optionalSourceId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

export const CaseSchema = z.object({
  title: text("Title", 200, 3),
  slug: z
    .string({ error: "Address is required." })
    .trim()
    .toLowerCase()
    .min(3, "The address needs at least 3 characters.")
    .max(80, "The address can be at most 80 characters.")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. red-yurt-2018."),
  summary: text("Summary", 5000, 20, "multi"),
  country: z
    .string({ error: "Country is required." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. KZ."),
  status: z.enum(caseStatuses, { error: "Choose a status." }),
  startedOn: optionalPartialDate,
});
export type CaseInput = z.infer<typeof CaseSchema>;

export const SourceSchema = z.object({
  title: text("Title", 300),
  publisher: text("Publisher", 200),
  url: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null)
    .pipe(z.url({ protocol: /^https?$/, error: "Give a full web address starting with https:// (or leave it empty)." }).nullable()),
  reference: optionalText("Reference", 300),
  publishedOn: optionalPartialDate,
});
export type SourceInput = z.infer<typeof SourceSchema>;

export const EventSchema = z.object({
  occurredOn: partialDate,
  description: text("What happened", 2000, 1, "multi"),
  sourceId,
});
export type EventInput = z.infer<typeof EventSchema>;

export const DemandSchema = z.object({
  text: text("Demand", 1000, 1, "multi"),
  sourceId: optionalSourceId,
});
export type DemandInput = z.infer<typeof DemandSchema>;

export const PersonSchema = z.object({
  name: text("Name", 200),
  description: text("Who they are", 1000, 1, "multi"),
  heldAt: optionalText("Where held", 300),
});
export type PersonInput = z.infer<typeof PersonSchema>;

/** A new person starts with a first status, so the history is never empty. */
export const NewPersonSchema = PersonSchema.extend({
  status: z.enum(personStatuses, { error: "Choose a status." }),
  occurredOn: partialDate,
  note: text("Note", 1000, 1, "multi"),
  sourceId,
});
export type NewPersonInput = z.infer<typeof NewPersonSchema>;

export const StatusChangeSchema = z.object({
  status: z.enum(personStatuses, { error: "Choose a status." }),
  occurredOn: partialDate,
  note: text("Note", 1000, 1, "multi"),
  sourceId,
});
export type StatusChangeInput = z.infer<typeof StatusChangeSchema>;

export const ChargeSchema = z.object({
  law: text("Law", 200),
  article: text("Article", 50),
  description: text("What it punishes", 1000, 1, "multi"),
  sourceId,
});
export type ChargeInput = z.infer<typeof ChargeSchema>;

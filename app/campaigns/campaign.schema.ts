// What organisers may type for a campaign and its letter templates.
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { splitCodes } from "~/lists";

export const campaignStatuses = ["draft", "live", "closed"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const campaignStatusLabels: Record<CampaignStatus, string> = {
  draft: "Draft (only your organisation sees it)",
  live: "Live (public, letters can be sent)",
  closed: "Closed",
};

// Kinds of target belong to the targets directory; the campaign pages use the same words.
export { targetKinds, targetKindLabels, type TargetKind } from "~/targets/target.schema";
import { targetKinds, type TargetKind } from "~/targets/target.schema";

const isoDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null)
  .pipe(z.iso.date({ error: "Write the date as YYYY-MM-DD." }).nullable());

export const CampaignSchema = z
  .object({
    caseId: z.string({ error: "Choose the case." }).min(1, "Choose the case."),
    title: singleLine().trim().min(3, "Title needs at least 3 characters.").max(200, "Title can be at most 200 characters."),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, "The address needs at least 3 characters.")
      .max(80, "The address can be at most 80 characters.")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens."),
    summary: multiLine().trim().min(20, "Summary needs at least 20 characters.").max(3000, "Summary can be at most 3000 characters."),
    callToAction: multiLine().trim().min(5, "Say in a few words what you ask people to do.").max(500, "At most 500 characters."),
    status: z.enum(campaignStatuses, { error: "Choose a status." }),
    startsOn: isoDate,
    endsOn: isoDate,
    targetCountries: z
      .string()
      .default("")
      .transform((v) => splitCodes(v))
      .refine((codes) => codes.every((c) => /^[A-Z]{2}$/.test(c)), "Use two-letter country codes separated by commas, e.g. BE, DE."),
    targetTags: singleLine()
      .default("")
      .transform((v) => splitCodes(v, (t) => t.toLowerCase())),
    petitionText: multiLine()
      .trim()
      .max(10000, "At most 10,000 characters.")
      .default("")
      .transform((v) => (v === "" ? null : v)),
    signatureGoal: z
      .string()
      .trim()
      .default("")
      .transform((v) => (v === "" ? null : Number(v)))
      .pipe(
        z
          .number({ error: "Give a whole number." })
          .int("Give a whole number.")
          .positive("Give a number above zero.")
          .max(100_000_000, "That is more than anyone can sign.")
          .nullable(),
      ),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn, { path: ["endsOn"], message: "The end comes before the start." });
export type CampaignInput = z.infer<typeof CampaignSchema>;

/** Kinds come from checkboxes: several values under one name. */
export function parseTargetKinds(formData: FormData): TargetKind[] {
  return z.array(z.enum(targetKinds)).catch([]).parse(formData.getAll("targetKinds"));
}

export const TemplateSchema = z.object({
  name: singleLine().trim().min(1, "Give the template a name.").max(120, "At most 120 characters."),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, "Use a two-letter language code, e.g. en, fr, de, ru, kk."),
  targetKind: z
    .string()
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null)
    .pipe(z.enum(targetKinds).nullable()),
  subject: singleLine().trim().min(1, "The subject is required.").max(300, "At most 300 characters."),
  body: multiLine().trim().min(20, "The letter needs at least 20 characters.").max(20000, "At most 20,000 characters."),
});
export type TemplateInput = z.infer<typeof TemplateSchema>;

/** What the editor's preview reads: the subject and body as typed (half-written is fine), within the same limits. */
export const TemplatePreviewSchema = z.object({
  subject: singleLine().max(300, "The subject is too long: at most 300 characters."),
  body: multiLine().max(20000, "The letter is too long: at most 20,000 characters."),
  target: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .nullable()
    .catch(null),
  sender: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .catch("organisation"),
});

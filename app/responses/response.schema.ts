// What an organiser types to log an answer by post, phone or meeting.
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { formatDateTime, formatPartialDate } from "~/ui/format";

export const responseChannels = ["email", "post", "phone", "meeting", "other"] as const;
export const responseChannelLabels: Record<(typeof responseChannels)[number], string> = {
  email: "Email",
  post: "Post",
  phone: "Phone",
  meeting: "Meeting",
  other: "Other",
};

export const responseKinds = ["acknowledgement", "denial", "substantive", "commitment", "referred", "unclassified"] as const;
export type ResponseKind = (typeof responseKinds)[number];
export const responseKindLabels: Record<ResponseKind, string> = {
  acknowledgement: "Acknowledgement of receipt",
  denial: "Denial",
  substantive: "Substantive answer",
  commitment: "Commitment to act",
  referred: "Passed to another body",
  unclassified: "Not classified yet",
};

export const LogResponseSchema = z.object({
  channel: z.enum(responseChannels, { error: "Choose how the answer came." }),
  kind: z.enum(responseKinds, { error: "Choose what kind of answer it was." }),
  receivedOn: z.iso.date({ error: "Write the date as YYYY-MM-DD." }),
  fromName: singleLine()
    .trim()
    .max(200, "At most 200 characters.")
    .transform((v) => (v === "" ? null : v))
    .default(""),
  summary: multiLine().trim().min(3, "Say in a few words what they answered.").max(2000, "At most 2,000 characters."),
  body: multiLine()
    .trim()
    .max(50000, "At most 50,000 characters.")
    .transform((v) => (v === "" ? null : v))
    .default(""),
});
export type LogResponseInput = z.infer<typeof LogResponseSchema>;

export const ClassifySchema = z.object({
  kind: z.enum(responseKinds, { error: "Choose what kind of answer it was." }),
  summary: multiLine()
    .trim()
    .max(2000)
    .transform((v) => (v === "" ? null : v))
    .default(""),
});

/**
 * When an answer came: an email knows its minute, an answer logged by hand only its day (it is
 * stored at noon UTC), so no time is shown for it.
 */
export function formatReceivedAt(answer: { channel: string; receivedAt: Date | string }): string {
  if (answer.channel === "email") return formatDateTime(answer.receivedAt);
  const date = typeof answer.receivedAt === "string" ? new Date(answer.receivedAt) : answer.receivedAt;
  return formatPartialDate(date.toISOString().slice(0, 10));
}

import { z } from "zod";
import { singleLine } from "~/security/text";

export const SectionSchema = z.object({
  name: singleLine().trim().min(2, "Name is required.").max(120, "Name can be at most 120 characters."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. BE."),
  city: singleLine().trim().min(1, "City is required.").max(120, "City can be at most 120 characters."),
  contactEmail: z.email("Give an email address like name@example.org.").trim().toLowerCase(),
});
export type SectionInput = z.infer<typeof SectionSchema>;

export const InvitationSchema = z
  .object({
    email: z.email("Give an email address like name@example.org.").trim().toLowerCase(),
    role: z.enum(["organiser", "section_member"], { error: "Choose a role." }),
    sectionId: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
  })
  .refine((v) => v.role !== "section_member" || v.sectionId !== null, {
    path: ["sectionId"],
    message: "A section member belongs to a section: choose one.",
  });
export type InvitationInput = z.infer<typeof InvitationSchema>;

export const AcceptInvitationSchema = z.object({
  name: singleLine().trim().min(1, "Your name is required.").max(120, "Name can be at most 120 characters."),
});
// The password's rules (app/auth/password-rules.server.ts) are added where the form is read.

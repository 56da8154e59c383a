// What a supporter types to sign. Every field says why it is asked (see the form).
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { countryCodes } from "~/ui/countries";

const optional = (label: string, max: number, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine() : singleLine())
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

/**
 * A person's name, as it goes into the emails we send to the address typed beside it: never a web
 * or email address, which would make our confirmation emails a way to send someone a link.
 */
export const PersonName = singleLine({ error: "Your name is required." })
  .trim()
  .min(1, "Your name is required.")
  .max(120, "At most 120 characters.")
  .refine((v) => !/:\/\/|www\.|@|\.(com|org|net|info|ru|io|xyz|top|link|ly)\b/i.test(v), "Give your name only, without a web or email address.");

export const SignSchema = z.object({
  name: PersonName,
  email: z.email("Give an email address like name@example.org: we send the confirmation link there.").trim().max(254),
  country: z
    .string({ error: "Choose your country." })
    .trim()
    .toUpperCase()
    .refine((c) => countryCodes.has(c), "Choose your country."),
  city: optional("City", 120),
  organisation: optional("Organisation", 160),
  comment: optional("Comment", 1000, "multi"),
  showName: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  wantsUpdates: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export type SignInput = z.infer<typeof SignSchema>;

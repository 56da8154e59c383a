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
 * Whether a name carries something a reader could follow: a web or email address, a bare domain
 * ("t.me/x", "evil.de"), with full-width or ideographic dots too. Such a name is refused at the
 * form and never shown on the public signer list.
 */
export function looksLikeAddress(name: string): boolean {
  const plain = name.normalize("NFKC").replace(/[\u3002\uFF61\uFE12\u2024\u2025\u2026\u00B7]/g, ".");
  return /[/\\@:]|www\.|[\p{L}\p{N}_-]\.\p{L}{2,}/iu.test(plain);
}

/** A person's name: it signs their letter and may be shown on the public list, never a link. */
export const PersonName = singleLine({ error: "Your name is required." })
  .trim()
  .min(1, "Your name is required.")
  .max(120, "At most 120 characters.")
  .refine((v) => !looksLikeAddress(v), "Give your name only, without a web or email address.");

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

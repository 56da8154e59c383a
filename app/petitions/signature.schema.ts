// What a supporter types to sign. Every field says why it is asked (see the form). Messages are keys
// of app/i18n/messages: the page shows them in the supporter's language.
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { countryCodes } from "~/ui/countries";

const optional = (tooLong: string, max: number, lines: "single" | "multi" = "single") =>
  (lines === "multi" ? multiLine() : singleLine())
    .trim()
    .max(max, tooLong)
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
export const PersonName = singleLine({ error: "errors.nameRequired" })
  .trim()
  .min(1, "errors.nameRequired")
  .max(120, "errors.nameTooLong")
  .refine((v) => !looksLikeAddress(v), "errors.nameWithAddress");

export const SignSchema = z.object({
  name: PersonName,
  email: z.email("errors.email").trim().max(254),
  country: z
    .string({ error: "errors.country" })
    .trim()
    .toUpperCase()
    .refine((c) => countryCodes.has(c), "errors.country"),
  city: optional("errors.cityTooLong", 120),
  organisation: optional("errors.organisationTooLong", 160),
  comment: optional("errors.commentTooLong", 1000, "multi"),
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

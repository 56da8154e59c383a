// What a new password must be: long enough to resist guessing, not one of the passwords every
// attacker tries first. Length over composition rules (NIST SP 800-63B): no "one digit, one symbol".
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/auth/password-length";

let common: Set<string> | undefined;
/** The ~49,000 commonest passwords of leaked lists (zxcvbn-ts), lower-cased. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** Why a password is too easy to guess, or null. */
export function weakPasswordReason(password: string): string | null {
  const lower = password.toLowerCase();
  if (password.trim() === "") return "A password of spaces only is too easy to guess.";
  if (new Set(password).size < 4) return "Use more than a few different characters.";
  // "password2024!", "qwerty123456": a common password with digits or symbols around it.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (commonPasswords().has(lower) || (core.length > 0 && commonPasswords().has(core) && core.length < PASSWORD_MIN)) {
    return "This password is on the lists attackers try first: choose another, e.g. four unrelated words.";
  }
  return null;
}

/** A password being set: at invitation, setup, reset and change. */
export const NewPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters (a few unrelated words are easy to remember).`, abort: true })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.`, abort: true })
  .superRefine((password, context) => {
    const reason = weakPasswordReason(password);
    if (reason) context.addIssue({ code: "custom", message: reason });
  });

/** A new password typed twice, as every form that sets one asks for it. */
export const NewPasswordTwice = { password: NewPassword, confirm: z.string().max(400) };
export const typedTheSame = (v: { password: string; confirm: string }) => v.password === v.confirm;
export const TYPED_DIFFERENTLY = { path: ["confirm"], message: "The two passwords differ: type the same one twice." };

// The fields of every form that sets a password: the account's address for password managers,
// the new password with its rule, and the same again.
import { passwordHint } from "~/auth/password-length";
import type { FormFailure } from "~/ui/form-result";
import { TextField } from "~/ui/forms";

export function NewPasswordFields({
  email,
  failure,
  label = "New password",
}: {
  email: string;
  failure: FormFailure | null | undefined;
  label?: string;
}) {
  return (
    <>
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextField name="password" label={label} type="password" hint={passwordHint} autoComplete="new-password" required failure={failure} />
      <TextField name="confirm" label="The same password again" type="password" autoComplete="new-password" required failure={failure} />
    </>
  );
}

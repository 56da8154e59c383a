// The petition form. Each field says why it is asked; nothing else is collected.
import { Form, useNavigation } from "@remix-run/react";
import { shareChannel, SOURCE_FIELD } from "~/growth/share";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { countryOptions } from "~/ui/countries";
import type { FormFailure } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";

export function SignForm({
  stamp,
  failure,
  source = null,
}: {
  stamp: string;
  failure: FormFailure | null | undefined;
  /** The channel of the shared link that brought the visitor, already allow-listed. */
  source?: string | null;
}) {
  const sourceValue = shareChannel(failure?.values[SOURCE_FIELD]) ?? source;
  const busy = useNavigation().state === "submitting";
  const checked = (name: string) => (failure ? failure.values[name] === "on" : false);
  return (
    <Form method="post" className="stack" noValidate id="sign-form">
      <FormError failure={failure} />
      <input type="hidden" name="intent" value="sign" />
      {/* After a mistake the first stamp is kept: the time to fill counts from the first view. */}
      <input type="hidden" name={STAMP_FIELD} value={failure?.values[STAMP_FIELD] ?? stamp} />
      {sourceValue ? <input type="hidden" name={SOURCE_FIELD} value={sourceValue} /> : null}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="sign-website">Leave this field empty</label>
        <input id="sign-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <TextField
        name="name"
        label="Your name"
        hint="Goes on the petition we hand in. It is shown on this page only if you tick the box below, and then only your first name."
        autoComplete="name"
        required
        failure={failure}
      />
      <TextField
        name="email"
        label="Your email"
        type="email"
        hint="Only to confirm your signature (and send updates if you ask for them). Never shown, never shared."
        autoComplete="email"
        inputMode="email"
        required
        failure={failure}
      />
      <SelectField
        name="country"
        label="Your country"
        hint="We count signatures per country; embassies listen to their own country's people."
        placeholder="Choose your country"
        options={countryOptions}
        required
        failure={failure}
      />
      <TextField name="city" label="City" hint="Helps local groups; never shown." autoComplete="address-level2" failure={failure} />
      <TextField
        name="organisation"
        label="Organisation"
        hint="If you sign on behalf of one."
        autoComplete="organization"
        failure={failure}
      />
      <TextAreaField name="comment" label="Comment" hint="For the organisers only; never shown." rows={3} failure={failure} />
      <label className="checkbox">
        <input type="checkbox" name="showName" defaultChecked={checked("showName")} />
        <span>Show my first name and country on this page. Leave it unticked if that could put you or your family at risk.</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" name="wantsUpdates" defaultChecked={checked("wantsUpdates")} />
        <span>Email me when something changes for the people in this case (a release, a trial). You can stop it in one click.</span>
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? "Signing…" : "Sign the petition"}
        </button>
      </div>
    </Form>
  );
}

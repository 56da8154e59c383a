// The petition form. Each field says why it is asked; nothing else is collected.
import { Form, useNavigation } from "@remix-run/react";
import { shareChannel, SOURCE_FIELD } from "~/growth/share";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/petitions/form-fields";
import { useTranslation } from "react-i18next";
import { countryOptionsIn } from "~/i18n/format";
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
  const { t, i18n } = useTranslation();
  const checked = (name: string) => (failure ? failure.values[name] === "on" : false);
  return (
    <Form method="post" className="stack" noValidate id="sign-form">
      <FormError failure={failure} />
      <input type="hidden" name="intent" value="sign" />
      {/* After a mistake the first stamp is kept: the time to fill counts from the first view. */}
      <input type="hidden" name={STAMP_FIELD} value={failure?.values[STAMP_FIELD] ?? stamp} />
      {sourceValue ? <input type="hidden" name={SOURCE_FIELD} value={sourceValue} /> : null}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="sign-website">{t("sign.honeypot")}</label>
        <input id="sign-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <TextField name="name" label={t("sign.name")} hint={t("sign.nameHint")} autoComplete="name" required failure={failure} />
      <TextField
        name="email"
        label={t("sign.email")}
        type="email"
        hint={t("sign.emailHint")}
        autoComplete="email"
        inputMode="email"
        required
        failure={failure}
      />
      <SelectField
        name="country"
        label={t("sign.country")}
        hint={t("sign.countryHint")}
        placeholder={t("sign.countryPlaceholder")}
        options={countryOptionsIn(i18n)}
        required
        failure={failure}
      />
      <TextField name="city" label={t("sign.city")} hint={t("sign.cityHint")} autoComplete="address-level2" failure={failure} />
      <TextField
        name="organisation"
        label={t("sign.organisation")}
        hint={t("sign.organisationHint")}
        autoComplete="organization"
        failure={failure}
      />
      <TextAreaField name="comment" label={t("sign.comment")} hint={t("sign.commentHint")} rows={3} failure={failure} />
      <label className="checkbox">
        <input type="checkbox" name="showName" defaultChecked={checked("showName")} />
        <span>{t("sign.showName")}</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" name="wantsUpdates" defaultChecked={checked("wantsUpdates")} />
        <span>{t("sign.wantsUpdates")}</span>
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t("sign.submitting") : t("sign.submit")}
        </button>
      </div>
    </Form>
  );
}

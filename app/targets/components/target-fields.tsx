// The fields of the target form, shared by the "add" and "edit" pages.
import { targetKinds, targetKindLabels } from "~/targets/target.schema";
import type { FormFailure } from "~/ui/form-result";
import { SelectField, TextAreaField, TextField } from "~/ui/forms";

/** A saved target as the form shows it: lists joined with commas. */
export interface TargetFormValues {
  kind: string;
  name: string;
  position: string | null;
  body: string | null;
  country: string | null;
  jurisdictions: readonly string[];
  email: string | null;
  postalAddress: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  languages: readonly string[];
  salutation: string | null;
  tags: readonly string[];
  notes: string | null;
}

export function TargetFields({ failure, values }: { failure?: FormFailure | null; values?: TargetFormValues }) {
  const list = (v: readonly string[] | undefined) => (v ? v.join(", ") : null);
  return (
    <>
      <SelectField
        name="kind"
        label="Kind"
        required
        options={targetKinds.map((k) => ({ value: k, label: targetKindLabels[k] }))}
        failure={failure}
        defaultValue={values?.kind ?? "embassy"}
      />
      <TextField
        name="name"
        label="Name"
        hint="As it heads the letter: “Embassy of Kazakhstan in Belgium”, “Séverine Werbrouck”."
        required
        failure={failure}
        defaultValue={values?.name}
      />
      <TextField
        name="position"
        label="Position"
        hint="E.g. Ambassador, Prosecutor General."
        failure={failure}
        defaultValue={values?.position}
      />
      <TextField
        name="body"
        label="Body"
        hint="What the target speaks for: the embassy, the ministry, the parliament's group or subcommittee."
        failure={failure}
        defaultValue={values?.body}
      />
      <TextField
        name="country"
        label="Country where it is located"
        hint="Two-letter code, e.g. BE."
        failure={failure}
        defaultValue={values?.country}
      />
      <TextField
        name="jurisdictions"
        label="Countries it answers for"
        hint="Two-letter codes separated by commas, e.g. BE, LU: sections in these countries write to it."
        failure={failure}
        defaultValue={list(values?.jurisdictions)}
      />
      <TextField
        name="email"
        label="Email"
        type="email"
        hint="Without it, letters to this target can only be printed and posted or faxed."
        failure={failure}
        defaultValue={values?.email}
      />
      <TextAreaField
        name="postalAddress"
        label="Postal address"
        hint="For printed letters. Only an address you have from a reliable source."
        rows={4}
        failure={failure}
        defaultValue={values?.postalAddress}
      />
      <TextField
        name="phone"
        label="Phone"
        hint="International form, e.g. +32 2 555 00 00."
        failure={failure}
        defaultValue={values?.phone}
      />
      <TextField name="fax" label="Fax" hint="Embassies still answer faxes." failure={failure} defaultValue={values?.fax} />
      <TextField name="website" label="Website" type="url" failure={failure} defaultValue={values?.website} />
      <TextField
        name="languages"
        label="Languages"
        hint="Language codes the letters may be written in, e.g. en, fr. Empty means English."
        failure={failure}
        defaultValue={list(values?.languages)}
      />
      <TextField
        name="salutation"
        label="Salutation"
        hint="How letters open: “Your Excellency”, “Dear Ms Azimova”."
        failure={failure}
        defaultValue={values?.salutation}
      />
      <TextField
        name="tags"
        label="Tags"
        hint="Separated by commas: committees, delegations, groups (e.g. droi, dcas). Campaigns choose targets by tag."
        failure={failure}
        defaultValue={list(values?.tags)}
      />
      <TextAreaField
        name="notes"
        label="Notes"
        hint="For organisers only; never shown in letters."
        rows={3}
        failure={failure}
        defaultValue={values?.notes}
      />
    </>
  );
}

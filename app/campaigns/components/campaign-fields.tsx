// The fields of the campaign form, shared by "new" and "edit".
import { campaignStatuses, campaignStatusLabels, targetKindLabels, targetKinds } from "~/campaigns/campaign.schema";
import { decodeList } from "~/lists";
import type { FormFailure } from "~/ui/form-result";
import { SelectField, TextAreaField, TextField } from "~/ui/forms";

interface Values {
  caseId?: string;
  title?: string;
  slug?: string;
  summary?: string;
  callToAction?: string;
  status?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  targetKinds?: string;
  targetCountries?: string;
  targetTags?: string;
  petitionText?: string | null;
  signatureGoal?: number | null;
}

export function CampaignFields({
  failure,
  values = {},
  cases,
}: {
  failure?: FormFailure | null;
  values?: Values;
  cases: Array<{ id: string; title: string }>;
}) {
  const chosenKinds = failure ? (failure.values.targetKinds ?? "").split(",") : decodeList(values.targetKinds);
  return (
    <>
      <SelectField
        name="caseId"
        label="Case"
        required
        placeholder="Choose the case"
        options={cases.map((c) => ({ value: c.id, label: c.title }))}
        failure={failure}
        defaultValue={values.caseId}
      />
      <TextField name="title" label="Title" required failure={failure} defaultValue={values.title} />
      <TextField
        name="slug"
        label="Web address"
        hint="The public page will be /campaigns/…: lower-case letters, digits and hyphens."
        required
        failure={failure}
        defaultValue={values.slug}
      />
      <TextAreaField name="summary" label="Summary" required failure={failure} defaultValue={values.summary} />
      <TextField
        name="callToAction"
        label="Call to action"
        hint="What you ask people to do, in one line."
        required
        failure={failure}
        defaultValue={values.callToAction}
      />
      <SelectField
        name="status"
        label="Status"
        required
        options={campaignStatuses.map((s) => ({ value: s, label: campaignStatusLabels[s] }))}
        failure={failure}
        defaultValue={values.status ?? "draft"}
      />
      <TextAreaField
        name="petitionText"
        label="Petition text"
        hint="What signers put their name to. Leave it empty for a campaign of letters only."
        rows={6}
        failure={failure}
        defaultValue={values.petitionText}
      />
      <TextField
        name="signatureGoal"
        label="Signature goal"
        inputMode="numeric"
        failure={failure}
        defaultValue={values.signatureGoal ? String(values.signatureGoal) : ""}
      />
      <TextField name="startsOn" label="Starts on" hint="YYYY-MM-DD" failure={failure} defaultValue={values.startsOn} />
      <TextField name="endsOn" label="Ends on" hint="YYYY-MM-DD" failure={failure} defaultValue={values.endsOn} />
      <fieldset className="field">
        <legend>Who the letters go to</legend>
        <p className="hint">Leave everything empty to address every active target. Targets picked by hand are always added.</p>
        {targetKinds.map((k) => (
          <label key={k} className="plain-label">
            <input type="checkbox" name="targetKinds" value={k} defaultChecked={chosenKinds.includes(k)} /> {targetKindLabels[k]}
          </label>
        ))}
      </fieldset>
      <TextField
        name="targetCountries"
        label="Countries"
        hint="Two-letter codes, e.g. BE, DE: targets located in or answering for them (officials always count)."
        failure={failure}
        defaultValue={failure ? undefined : decodeList(values.targetCountries).join(", ")}
      />
      <TextField
        name="targetTags"
        label="MEP tags"
        hint="Committees or delegations, e.g. droi, dcas: only MEPs with one of these tags."
        failure={failure}
        defaultValue={failure ? undefined : decodeList(values.targetTags).join(", ")}
      />
    </>
  );
}

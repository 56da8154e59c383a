// The fields of each form about a case, shared by the "add" and "edit" pages.
import { caseStatuses, caseStatusLabels, personStatuses, personStatusLabels } from "~/cases/case-status";
import type { FormFailure } from "~/ui/form-result";
import { SelectField, TextAreaField, TextField } from "~/ui/forms";

type Values = Record<string, unknown>;
/** Rows from the database carry dates and relations too; fields only take their text. */
const v = (value: unknown) => (typeof value === "string" ? value : null);
interface Props {
  failure?: FormFailure | null;
  values?: Values;
}
interface SourceOption {
  id: string;
  title: string;
  publisher: string;
}

const dateHint = "YYYY-MM-DD; YYYY-MM or YYYY when the report does not give the day.";

export function CaseFields({ failure, values = {} }: Props) {
  return (
    <>
      <TextField name="title" label="Title" required failure={failure} defaultValue={v(values.title)} />
      <TextField
        name="slug"
        label="Web address"
        hint="The last part of the case's public address, /cases/…: lower-case letters, digits and hyphens."
        required
        failure={failure}
        defaultValue={v(values.slug)}
      />
      <TextAreaField
        name="summary"
        label="Summary"
        hint="Two to four sentences: who, what happened, why it matters. Shown on the home page."
        required
        rows={5}
        failure={failure}
        defaultValue={v(values.summary)}
      />
      <TextField
        name="country"
        label="Country"
        hint="Two-letter code of the country where the persecution happens, e.g. KZ."
        required
        failure={failure}
        defaultValue={v(values.country)}
      />
      <TextField name="startedOn" label="Started on" hint={dateHint} failure={failure} defaultValue={v(values.startedOn)} />
      <SelectField
        name="status"
        label="Status"
        hint="Drafts are visible only to your organisation."
        required
        options={caseStatuses.map((s) => ({ value: s, label: caseStatusLabels[s] }))}
        failure={failure}
        defaultValue={v(values.status) ?? "draft"}
      />
    </>
  );
}

export function SourceFields({ failure, values = {} }: Props) {
  return (
    <>
      <TextField name="title" label="Title" required failure={failure} defaultValue={v(values.title)} />
      <TextField
        name="publisher"
        label="Publisher"
        hint="The organisation or person who published it."
        required
        failure={failure}
        defaultValue={v(values.publisher)}
      />
      <TextField name="url" label="Web address" type="url" inputMode="url" failure={failure} defaultValue={v(values.url)} />
      <TextField
        name="reference"
        label="Reference"
        hint="For a document without a web address: where your organisation keeps it."
        failure={failure}
        defaultValue={v(values.reference)}
      />
      <TextField name="publishedOn" label="Published on" hint={dateHint} failure={failure} defaultValue={v(values.publishedOn)} />
    </>
  );
}

function SourceSelect({ failure, values = {}, sources, required = true }: Props & { sources: SourceOption[]; required?: boolean }) {
  return (
    <SelectField
      name="sourceId"
      label="Source"
      hint={sources.length ? "Where this fact comes from." : "Add a source to this case first."}
      required={required}
      placeholder={required ? "Choose a source" : "No source"}
      options={sources.map((s) => ({ value: s.id, label: `${s.title} (${s.publisher})` }))}
      failure={failure}
      defaultValue={v(values.sourceId)}
    />
  );
}

export function EventFields({ failure, values = {}, sources }: Props & { sources: SourceOption[] }) {
  return (
    <>
      <TextField name="occurredOn" label="Date" hint={dateHint} required failure={failure} defaultValue={v(values.occurredOn)} />
      <TextAreaField name="description" label="What happened" required failure={failure} defaultValue={v(values.description)} />
      <SourceSelect failure={failure} values={values} sources={sources} />
    </>
  );
}

export function DemandFields({ failure, values = {}, sources }: Props & { sources: SourceOption[] }) {
  return (
    <>
      <TextAreaField
        name="text"
        label="Demand"
        hint="What we ask the authorities, in one sentence."
        required
        rows={2}
        failure={failure}
        defaultValue={v(values.text)}
      />
      <SourceSelect failure={failure} values={values} sources={sources} required={false} />
    </>
  );
}

export function PersonFields({ failure, values = {} }: Props) {
  return (
    <>
      <TextField name="name" label="Name" required failure={failure} defaultValue={v(values.name)} />
      <TextAreaField
        name="description"
        label="Who they are"
        hint="One sentence: activist, journalist, observer…"
        required
        rows={2}
        failure={failure}
        defaultValue={v(values.description)}
      />
      <TextField
        name="heldAt"
        label="Where held"
        hint="Facility and city, only if known from a source."
        failure={failure}
        defaultValue={v(values.heldAt)}
      />
    </>
  );
}

export function StatusChangeFields({ failure, values = {}, sources }: Props & { sources: SourceOption[] }) {
  return (
    <>
      <SelectField
        name="status"
        label="Status"
        required
        placeholder="Choose a status"
        options={personStatuses.map((s) => ({ value: s, label: personStatusLabels[s] }))}
        failure={failure}
        defaultValue={v(values.status)}
      />
      <TextField name="occurredOn" label="Since" hint={dateHint} required failure={failure} defaultValue={v(values.occurredOn)} />
      <TextAreaField
        name="note"
        label="Note"
        hint="One sentence on what happened, e.g. “Released after 8 days”."
        required
        rows={2}
        failure={failure}
        defaultValue={v(values.note)}
      />
      <SourceSelect failure={failure} values={values} sources={sources} />
    </>
  );
}

export function ChargeFields({ failure, values = {}, sources }: Props & { sources: SourceOption[] }) {
  return (
    <>
      <TextField
        name="law"
        label="Law"
        hint="e.g. Criminal Code, Administrative Code."
        required
        failure={failure}
        defaultValue={v(values.law)}
      />
      <TextField name="article" label="Article" hint="e.g. 405 or 488." required failure={failure} defaultValue={v(values.article)} />
      <TextAreaField name="description" label="What it punishes" required rows={2} failure={failure} defaultValue={v(values.description)} />
      <SourceSelect failure={failure} values={values} sources={sources} />
    </>
  );
}

// Import, step 2: map the file's columns onto our fields, read the dry run's per-row report, and
// import: all rows when none has an error, or only the valid ones when the organiser says so.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { notFoundUnless, requireOrganiser } from "~/auth/permissions.server";
import { dryRun, importTable, openTargetImport, reportForPage, type OpenedImport, type PageReport } from "~/targets/import.server";
import { mappedValues, mappingInputName, mappingOptions, parseMapping } from "~/targets/target-file";
import type { Mapping } from "~/targets/presets";
import { targetFieldLabels, targetFields, type TargetField } from "~/targets/target.schema";
import { ErrorMessage } from "~/ui/error-message";
import { ErrorList } from "~/ui/forms";
import { formatDateTime } from "~/ui/format";
import { IdSchema, intentOr400, paramOr404 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Import ${data?.upload.fileName ?? "targets"}: Solidarity letters` },
];

async function load(request: Request, importIdParam: string | undefined) {
  const user = await requireOrganiser(request);
  const importId = paramOr404(IdSchema, importIdParam, "No such import in your organisation.");
  const opened = await openTargetImport({ importId, organisationId: user.organisationId });
  notFoundUnless(opened, "No such import in your organisation.");
  return { user, opened };
}

/** What the first row gives under a mapping, so the organiser sees the mapping work before checking. */
function firstRowPreview(opened: OpenedImport, mapping: Mapping) {
  const first = opened.table.records[0];
  return first ? mappedValues(first.values, mapping, opened.preset) : null;
}

const CountsSchema = z.object({
  created: z.coerce.number().int().min(0),
  updated: z.coerce.number().int().min(0),
  unchanged: z.coerce.number().int().min(0),
  skipped: z.coerce.number().int().min(0),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, opened } = await load(request, params.importId);
  const mapping = opened.proposedMapping;
  const report = await dryRun({ organisationId: user.organisationId, table: opened.table, mapping, preset: opened.preset });
  const counts = CountsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    upload: {
      fileName: opened.fileName,
      createdAt: opened.createdAt,
      importedAt: opened.importedAt,
      format: opened.table.format,
      delimiter: opened.table.delimiter,
      rows: opened.table.records.length,
      columns: opened.table.headers.length,
    },
    preset: opened.preset ? { label: opened.preset.label } : null,
    options: mappingOptions(opened.table, opened.preset),
    mapping,
    preview: firstRowPreview(opened, mapping),
    report: reportForPage(report),
    counts: counts.success ? counts.data : null,
  };
}

const Intent = z.enum(["check", "import", "import-valid"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, opened } = await load(request, params.importId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const parsed = parseMapping(formData, opened.table, opened.preset);
  if (!parsed.success) {
    return json({ intent, mapping: null, mappingErrors: parsed.fieldErrors, report: null, preview: null, message: null }, { status: 400 });
  }
  const { mapping } = parsed;
  const scope = { organisationId: user.organisationId, table: opened.table, mapping, preset: opened.preset };
  const answer = (report: PageReport, message: string | null, status = 200) =>
    json({ intent, mapping, mappingErrors: null, report, preview: firstRowPreview(opened, mapping), message }, { status });

  if (intent === "check") return answer(reportForPage(await dryRun(scope)), null);

  const result = await importTable({ ...scope, onlyValidRows: intent === "import-valid", importId: opened.id });
  if (!result.ok) {
    return answer(
      reportForPage(result.report),
      `Nothing was imported: ${result.report.errorRows} row${
        result.report.errorRows === 1 ? " has" : "s have"
      } errors. Correct the file or the mapping, or import only the valid rows.`,
      400,
    );
  }
  const { created, updated, unchanged, skipped } = result.counts;
  // Redirect after the write: reloading the page shows the counts again instead of importing twice.
  const query = new URLSearchParams({
    created: String(created),
    updated: String(updated),
    unchanged: String(unchanged),
    skipped: String(skipped),
  });
  return redirect(`/admin/targets/import/${opened.id}?${query.toString()}`);
}

const fieldLabel = (field: TargetField | null) => (field ? targetFieldLabels[field] : "Row");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ReportTable({ problems }: { problems: PageReport["errors"] }) {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.row}-${p.field}-${i}`}>
              <td>{p.row}</td>
              <td>{fieldLabel(p.field)}</td>
              <td>{p.value ?? ""}</td>
              <td>{p.problem}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ImportStep() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { upload, preset, options, counts } = loaded;
  // After "Check again" the page shows the posted mapping and its report; otherwise the proposed one.
  const mapping = result?.mapping ?? loaded.mapping;
  const report = result?.report ?? loaded.report;
  const preview = result?.preview ?? loaded.preview;
  const mappingErrors = result?.mappingErrors ?? null;
  const hasErrors = report.errorRows > 0;

  return (
    <>
      <p>
        <Link to="/admin/targets/import">← Import</Link> · <Link to="/admin/targets">Targets</Link>
      </p>
      <h1>Import {upload.fileName}</h1>
      <p className="muted">
        {upload.format === "json" ? "JSON" : `CSV separated by “${upload.delimiter === "\t" ? "tab" : upload.delimiter}”`} ·{" "}
        {plural(upload.rows, "row")} · {plural(upload.columns, "column")} · uploaded {formatDateTime(upload.createdAt)}
        {upload.importedAt ? ` · imported ${formatDateTime(upload.importedAt)}` : ""}
      </p>

      {counts ? (
        <div className="notice" role="status">
          <p>
            Imported: {plural(counts.created, "target")} created, {counts.updated} updated, {counts.unchanged} unchanged
            {counts.skipped ? `, ${plural(counts.skipped, "row")} with errors skipped` : ""}.
          </p>
          <p>
            <Link to="/admin/targets">See the targets</Link>
          </p>
        </div>
      ) : null}
      {result?.message ? (
        <div className="form-error" role="alert">
          {result.message}
        </div>
      ) : null}

      <section className="card" aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">1. Columns</h2>
        <p>
          {preset
            ? `Recognised: ${preset.label}. The columns are mapped for you; change any of them if needed.`
            : "Choose, for each of our fields, the column of your file that holds it. Fields you leave out stay empty on new targets and unchanged on existing ones."}
        </p>
        {mappingErrors ? (
          <div className="form-error" role="alert">
            Some choices need a correction: see below.
          </div>
        ) : null}
        {/* The import buttons below the report belong to this form too (form="target-mapping"). */}
        <Form id="target-mapping" method="post" className="stack" key={JSON.stringify(mapping)}>
          {targetFields.map((field) => {
            const name = mappingInputName(field);
            const id = `map-${field}`;
            const errors = mappingErrors?.[name];
            const sample = preview?.[field];
            return (
              <div className="field" key={field}>
                <label htmlFor={id}>{targetFieldLabels[field]}</label>
                <select
                  id={id}
                  name={name}
                  defaultValue={mapping[field]}
                  aria-invalid={errors?.length ? true : undefined}
                  aria-describedby={`${errors?.length ? `${id}-error ` : ""}${id}-hint`}
                >
                  {options[field].map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <p className="hint" id={`${id}-hint`}>
                  First row gives: {sample === undefined ? "nothing (not mapped)" : sample.trim() === "" ? "nothing (empty)" : sample}
                </p>
                <ErrorList id={`${id}-error`} errors={errors} />
              </div>
            );
          })}
          <div>
            {/* First of the form's buttons, so pressing Enter checks rather than imports. */}
            <button type="submit" name="intent" value="check" className="secondary" disabled={busy}>
              Check again (dry run)
            </button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="report-heading">
        <h2 id="report-heading">2. Dry run</h2>
        <p>
          {plural(report.rows, "row")}: {report.validRows} can be imported
          {report.warningRows ? ` (${report.warningRows} with warnings)` : ""}, {report.errorRows} with errors. Importing now would create{" "}
          {plural(report.willCreate, "target")}, update {report.willUpdate} and leave {report.unchanged} unchanged. Targets already in the
          directory are recognised by their external id, else by kind and email, else by kind, name and country, and updated rather than
          duplicated.
        </p>
        {report.errorCount ? (
          <>
            <h3>Errors ({report.errorCount})</h3>
            <p>Rows with an error are not imported. Correct the file and upload it again, or change the mapping above.</p>
            <ReportTable problems={report.errors} />
            {report.errorCount > report.errors.length ? (
              <p className="muted">… and {report.errorCount - report.errors.length} more.</p>
            ) : null}
          </>
        ) : (
          <p>No errors.</p>
        )}
        {report.warningCount ? (
          <>
            <h3>Warnings ({report.warningCount})</h3>
            <p>These rows are imported as they are; the warnings say what they lack. No address is ever made up.</p>
            <ul>
              {report.warningGroups.map((g) => (
                <li key={`${g.field}-${g.problem}`}>
                  {g.problem}: {plural(g.count, "row")} ({g.rows})
                </li>
              ))}
            </ul>
            <details>
              <summary>Every warning, row by row</summary>
              <ReportTable problems={report.warnings} />
              {report.warningCount > report.warnings.length ? (
                <p className="muted">… and {report.warningCount - report.warnings.length} more.</p>
              ) : null}
            </details>
          </>
        ) : null}
      </section>

      <div className="actions">
        <button type="submit" form="target-mapping" name="intent" value="import" disabled={busy || hasErrors || report.validRows === 0}>
          Import
        </button>
        {hasErrors && report.validRows > 0 ? (
          <button type="submit" form="target-mapping" name="intent" value="import-valid" disabled={busy}>
            Import only the {plural(report.validRows, "valid row")}
          </button>
        ) : null}
      </div>
      {hasErrors ? (
        <p className="muted">
          “Import” stays off while rows have errors. After changing the mapping, check again: the buttons follow the new report.
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

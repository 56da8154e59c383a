// Import, step 1: upload a CSV or JSON file. It is read at once (a file we cannot read is answered
// here), kept as a TargetImport, and the organiser goes on to the mapping and dry run.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { useId } from "react";
import { z } from "zod";
import { requireOrganiser } from "~/auth/permissions.server";
import { listTargetImports, saveTargetImport } from "~/targets/import.server";
import { parseCsvOffThread } from "~/targets/csv-worker.server";
import { MAX_IMPORT_BYTES, readTargetFileWith } from "~/targets/target-file";
import { cleanSingleLine } from "~/security/text";
import { ErrorMessage } from "~/ui/error-message";
import { ErrorList } from "~/ui/forms";
import { formatDateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Import targets: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return { uploads: await listTargetImports(user.organisationId), maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 };
}

const megabytes = MAX_IMPORT_BYTES / 1024 / 1024;
const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV or JSON file." })
    .refine((f) => f.size > 0, "This file is empty: choose another.")
    .refine((f) => f.size <= MAX_IMPORT_BYTES, `The file is larger than ${megabytes} MB: split it into smaller files.`),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const fail = (message: string, status = 400) => json({ error: message }, { status });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return fail(`The file is larger than ${megabytes} MB: split it into smaller files.`, 413);
    if (error instanceof TypeError) return fail("Choose a CSV or JSON file.");
    throw error;
  }
  const parsed = UploadSchema.safeParse({ file: formData.get("file") });
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "Choose a CSV or JSON file.");
  const { file } = parsed.data;
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return fail("This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”, then upload it again.");
  }
  const read = await readTargetFileWith(content, parseCsvOffThread);
  if (!read.ok) return fail(read.error);
  const saved = await saveTargetImport({
    organisationId: user.organisationId,
    userId: user.id,
    fileName: cleanSingleLine(file.name).slice(0, 200) || "upload",
    table: read.table,
  });
  return redirect(`/admin/targets/import/${saved.id}`);
}

export default function ImportTargets() {
  const { uploads, maxMegabytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const id = useId();
  return (
    <>
      <p>
        <Link to="/admin/targets">← Targets</Link>
      </p>
      <h1>Import targets</h1>
      <p>
        Upload a CSV file (comma or semicolon separated, with headers on the first line) or a JSON array of objects. Next you see how its
        columns map onto our fields and a dry run: what each row would give, and what is wrong with it. Nothing is saved until you import.
      </p>
      <p>These files are recognised by their headers, and their columns are mapped for you:</p>
      <ul>
        <li>a file exported from this page (Export CSV), so an edited export imports back as updates;</li>
        <li>the list of Members of the European Parliament with committee columns (e.g. meps-2024.csv);</li>
        <li>the database-of-embassies export from Wikidata (e.g. kazakhstan-missions-2022.csv).</li>
      </ul>

      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload a file</h2>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          {result?.error ? (
            <div className="form-error" role="alert">
              The file was not uploaded: see below.
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={id}>File</label>
            <p className="hint" id={`${id}-hint`}>
              CSV or JSON, UTF-8, at most {maxMegabytes} MB.
            </p>
            <input
              id={id}
              type="file"
              name="file"
              accept=".csv,.json,.txt,text/csv,application/json"
              required
              aria-invalid={result?.error ? true : undefined}
              aria-describedby={`${result?.error ? `${id}-error ` : ""}${id}-hint`}
            />
            <ErrorList id={`${id}-error`} errors={result?.error ? [result.error] : null} />
          </div>
          <div>
            <button type="submit" disabled={busy}>
              Upload and check
            </button>
          </div>
        </Form>
      </section>

      {uploads.length ? (
        <>
          <h2>Recent uploads</h2>
          <ul>
            {uploads.map((u) => (
              <li key={u.id}>
                <Link to={`/admin/targets/import/${u.id}`}>{u.fileName}</Link> · uploaded {formatDateTime(u.createdAt)}
                {u.importedAt ? ` · imported ${formatDateTime(u.importedAt)}` : " · not imported yet"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

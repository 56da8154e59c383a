// Correcting a published case update's words: the pages show the new text; emails already sent keep theirs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { notFoundUnless } from "~/auth/permissions.server";
import { requireOrganiserCase } from "~/cases/case-admin.server";
import { editCaseUpdate, getCaseUpdate } from "~/cases/case-update.server";
import { IdSchema, paramOr404 } from "~/security/params.server";
import { multiLine, singleLine } from "~/security/text";
import { ErrorMessage } from "~/ui/error-message";
import { parseForm } from "~/ui/form-result";
import { FormError, TextAreaField, TextField } from "~/ui/forms";
import { count, formatDateTime } from "~/ui/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit the update: ${data?.update.title ?? ""}` }];

const EditUpdateSchema = z.object({
  title: singleLine().trim().min(3, "Give the update a title, e.g. “Oksana Shevchuk released”.").max(200, "At most 200 characters."),
  body: multiLine().trim().min(10, "Say what happened in a sentence or two.").max(5000, "At most 5,000 characters."),
});

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { case: c } = await requireOrganiserCase(request, params.caseId);
  const updateId = paramOr404(IdSchema, params.updateId, "No such update.");
  const update = await getCaseUpdate(c.id, updateId);
  notFoundUnless(update, "No such update.");
  return { case: c, update };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { case: c, update } = await load(request, params);
  return { caseId: c.id, caseTitle: c.title, update };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { case: c, update } = await load(request, params);
  const parsed = parseForm(EditUpdateSchema, await request.formData());
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  await editCaseUpdate(c.id, update.id, parsed.data);
  return redirect(`/admin/cases/${c.id}#updates`);
}

export default function EditCaseUpdate() {
  const { caseId, caseTitle, update } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/admin/cases/${caseId}#updates`}>← {caseTitle}</Link>
      </p>
      <h1>Edit the update</h1>
      <p className="muted">
        Published {formatDateTime(update.publishedAt)}
        {update.hiddenAt ? ", now unpublished" : ""}.{" "}
        {update.emailedCount
          ? `The ${count(update.emailedCount, "email")} already sent keep the words they had: saving changes the pages only.`
          : "Saving changes the pages; nobody is emailed again."}
      </p>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failure} />
        <TextField name="title" label="Title" required failure={failure} defaultValue={update.title} />
        <TextAreaField name="body" label="What happened" required rows={6} failure={failure} defaultValue={update.body} />
        <div className="actions">
          <button type="submit">Save the update</button>
          <Link to={`/admin/cases/${caseId}#updates`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

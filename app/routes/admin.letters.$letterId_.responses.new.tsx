// Logging an answer that came by post, phone or meeting: channel, date, who, what kind, summary,
// full text, and a scanned file.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { requireLetter } from "~/letters/letter-access.server";
import { LogResponseSchema, responseChannelLabels, responseChannels, responseKindLabels, responseKinds } from "~/responses/response.schema";
import { answerNotBefore, logResponse, MAX_SCAN_BYTES, tooEarlyMessage } from "~/responses/response.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { formatPartialDate, todayIso } from "~/ui/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Log an answer from ${data?.letter.recipientName ?? "a target"}: Solidarity letters` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { letter } = await requireLetter(request, params.letterId);
  return {
    letter: { id: letter.id, recipientName: letter.recipientName, subject: letter.subject },
    notBefore: await answerNotBefore(letter),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, letter } = await requireLetter(request, params.letterId);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_SCAN_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return json(failure(new FormData(), { file: ["The file is larger than 5 MB: scan it at a lower resolution."] }), { status: 413 });
    }
    // Not a multipart form (a crafted request, or a body cut short).
    if (error instanceof TypeError)
      return json(failure(new FormData(), {}, "This form was sent incomplete. Reload the page and try again."), { status: 400 });
    throw error;
  }
  const parsed = parseForm(LogResponseSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  // ISO dates compare as strings.
  const notBefore = await answerNotBefore(letter);
  if (parsed.data.receivedOn < notBefore.day)
    return json(failure(formData, { receivedOn: [tooEarlyMessage(notBefore, formatPartialDate)] }), { status: 400 });
  const upload = formData.get("file");
  const file =
    upload instanceof File && upload.size > 0
      ? {
          name: upload.name.slice(0, 200),
          type: upload.type || "application/octet-stream",
          bytes: new Uint8Array(await upload.arrayBuffer()),
        }
      : null;
  await logResponse({ letterId: letter.id, organisationId: user.organisationId, createdById: user.id, data: parsed.data, file });
  return redirect(`/admin/letters/${letter.id}?answer=logged`);
}

export default function LogResponse() {
  const { letter, notBefore } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/admin/letters/${letter.id}`}>← Letter to {letter.recipientName}</Link>
      </p>
      <h1>Log an answer</h1>
      <p className="muted">To “{letter.subject}”.</p>
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <FormError failure={failureData} />
        <SelectField
          name="channel"
          label="How it came"
          required
          options={responseChannels.map((c) => ({ value: c, label: responseChannelLabels[c] }))}
          failure={failureData}
          defaultValue="post"
        />
        <TextField
          name="receivedOn"
          label="Received on"
          hint={`YYYY-MM-DD, not before ${formatPartialDate(notBefore.day)} (when the letter was ${notBefore.sent ? "sent" : "written"}).`}
          required
          failure={failureData}
          defaultValue={todayIso()}
        />
        <TextField
          name="fromName"
          label="Who answered"
          hint="Name and position, e.g. “First Secretary, Embassy of Kazakhstan”."
          failure={failureData}
        />
        <SelectField
          name="kind"
          label="Kind of answer"
          required
          options={responseKinds.map((k) => ({ value: k, label: responseKindLabels[k] }))}
          failure={failureData}
          defaultValue="acknowledgement"
        />
        <TextAreaField
          name="summary"
          label="Summary"
          hint="What they said, in a sentence or two."
          required
          rows={3}
          failure={failureData}
        />
        <TextAreaField name="body" label="Full text" rows={8} failure={failureData} />
        <div className="field">
          <label htmlFor="response-file">
            Scanned letter <span className="optional">(optional, up to 5 MB)</span>
          </label>
          <input id="response-file" type="file" name="file" accept="application/pdf,image/*" />
          {failureData?.fieldErrors.file ? <p className="field-errors">{failureData.fieldErrors.file[0]}</p> : null}
        </div>
        <div>
          <button type="submit">Save the answer</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

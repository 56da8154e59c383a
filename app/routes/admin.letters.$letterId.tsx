// One letter: read it as it will go out, edit it before sending, approve it, follow its delivery,
// print it, and send it again only after saying yes to a question.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { appUrl } from "~/env.server";
import { requireLetter } from "~/letters/letter-access.server";
import { approveLetter, editLetter, letterHistory, replyAddress, sendAgain } from "~/letters/letter.server";
import { deliveryBucket, deliveryBucketLabels } from "~/dashboard/dashboard.server";
import { emailStatusLabel } from "~/mail/email-status";
import {
  ClassifySchema,
  formatReceivedAt,
  responseChannelLabels,
  responseKindLabels,
  responseKinds,
  type ResponseKind,
} from "~/responses/response.schema";
import { classifyResponse, responsesOfLetter } from "~/responses/response.server";
import { ErrorMessage } from "~/ui/error-message";
import { parseForm } from "~/ui/form-result";
import { FormError, TextAreaField, TextField } from "~/ui/forms";
import { formatDateTime } from "~/ui/format";
import { formOr400, IdSchema, intentOr400 } from "~/security/params.server";

const EditSchema = z.object({
  subject: singleLine().trim().min(1, "The subject is required.").max(300, "At most 300 characters."),
  body: multiLine().trim().min(20, "The letter needs at least 20 characters.").max(20000, "At most 20,000 characters."),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Letter to ${data?.letter.recipientName ?? "a target"}: Solidarity letters` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { letter } = await requireLetter(request, params.letterId);
  const [history, answers] = await Promise.all([letterHistory(letter.id), responsesOfLetter(letter.id)]);
  const email = history.find((e) => e.id === letter.outboxEmailId);
  const state = deliveryBucketLabels[deliveryBucket(letter.status, email?.status ?? null)];
  return { letter, state, replyTo: replyAddress(letter.replyToken), history, answers };
}

const Intent = z.enum(["edit", "approve", "send-again", "classify"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, letter } = await requireLetter(request, params.letterId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  switch (intent) {
    case "edit": {
      const parsed = parseForm(EditSchema, formData);
      if (!parsed.success) return json({ intent, failure: parsed.failure, message: null, confirm: false }, { status: 400 });
      const ok = await editLetter(letter.id, parsed.data);
      return json(
        {
          intent,
          failure: null,
          message: ok ? "Saved. The letter is a draft again: approve it when it reads right." : "A sent letter cannot be edited.",
          confirm: false,
        },
        { status: ok ? 200 : 409 },
      );
    }
    case "approve": {
      const ok = await approveLetter(letter.id);
      return json(
        { intent, failure: null, message: ok ? "Approved." : "Only a draft can be approved.", confirm: false },
        { status: ok ? 200 : 409 },
      );
    }
    case "classify": {
      const form = formOr400(ClassifySchema.extend({ responseId: IdSchema }), formData);
      const ok = await classifyResponse({ ...form, letterId: letter.id, organisationId: user.organisationId });
      return json(
        { intent, failure: null, message: ok ? "The answer's kind is saved." : "No such answer.", confirm: false },
        { status: ok ? 200 : 404 },
      );
    }
    case "send-again": {
      if (formData.get("confirm") !== "yes") {
        // Asking first: this target already got this letter from this sender.
        return json({ intent, failure: null, message: null, confirm: true });
      }
      const ok = await sendAgain({ letterId: letter.id, organisationId: user.organisationId, appUrl: appUrl(request) });
      return json(
        {
          intent,
          failure: null,
          message: ok ? "The letter is queued to be sent again." : "This letter cannot be sent again.",
          confirm: false,
        },
        { status: ok ? 200 : 409 },
      );
    }
  }
}

export default function LetterPage() {
  const { letter, state, replyTo, history, answers } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  const editable = letter.status !== "sent";
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${letter.campaign.id}/letters${letter.sectionId ? `?sender=${letter.sectionId}` : ""}`}>
          ← Letters of {letter.campaign.title}
        </Link>
      </p>
      <h1>Letter to {letter.recipientName}</h1>
      {result?.message ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>From</dt>
        <dd>{letter.senderName}</dd>
        <dt>To</dt>
        <dd>{letter.recipientEmail ?? "No email address: print this letter and send it by post or fax."}</dd>
        {letter.recipientAddress ? (
          <>
            <dt>Address</dt>
            <dd className="keep-lines">{letter.recipientAddress}</dd>
          </>
        ) : null}
        {letter.target.postalAddress?.trim() ? null : (
          <>
            <dt>Post</dt>
            <dd>No PDF for post: the targets directory has no postal address for {letter.target.name}. An organiser can add it there.</dd>
          </>
        )}
        <dt>Replies go to</dt>
        <dd>{replyTo}</dd>
        <dt>Status</dt>
        <dd>
          {state}
          {letter.sendCount > 1 ? ` · emailed ${letter.sendCount} times` : ""}
        </dd>
      </dl>
      <p className="actions">
        {letter.target.postalAddress?.trim() ? (
          <a className="button secondary" href={`/admin/letters/${letter.id}/pdf`}>
            PDF for post
          </a>
        ) : null}
        {letter.status === "draft" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="approve" />
            <button type="submit">Approve</button>
          </Form>
        ) : null}
        {letter.status === "sent" && letter.recipientEmail && !result?.confirm ? (
          <Form method="post">
            <input type="hidden" name="intent" value="send-again" />
            <button type="submit" className="secondary">
              Send again…
            </button>
          </Form>
        ) : null}
      </p>
      {result?.confirm ? (
        <div className="card" role="alertdialog" aria-labelledby="confirm-title">
          <h2 id="confirm-title">Send this letter again?</h2>
          <p>
            {letter.recipientName} already received it from {letter.senderName}
            {letter.sentAt ? ` on ${formatDateTime(letter.sentAt)}` : ""}. Sending the same letter twice can annoy a target; a follow-up
            letter is often better.
          </p>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="send-again" />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit">Yes, send it again</button>
            <Link to=".">No, keep it as it is</Link>
          </Form>
        </div>
      ) : null}

      {editable ? (
        <Form method="post" className="stack card" noValidate>
          <input type="hidden" name="intent" value="edit" />
          <FormError failure={result?.failure} />
          <TextField name="subject" label="Subject" required failure={result?.failure} defaultValue={letter.subject} />
          <TextAreaField name="body" label="Letter" required rows={20} failure={result?.failure} defaultValue={letter.body} />
          <div>
            <button type="submit">Save changes</button>
          </div>
        </Form>
      ) : (
        <article className="card">
          <h2>{letter.subject}</h2>
          <pre className="email-text">{letter.body}</pre>
        </article>
      )}

      <h2>Answers</h2>
      {params.get("answer") === "logged" ? (
        <p className="notice" role="status">
          The answer is saved.
        </p>
      ) : null}
      {answers.length === 0 ? <p>No answer yet. Email replies to {replyTo} are recorded here by themselves.</p> : null}
      {answers.map((a) => (
        <section key={a.id} className="card">
          <p>
            <strong>{responseKindLabels[a.kind as ResponseKind] ?? a.kind}</strong> ·{" "}
            {responseChannelLabels[a.channel as keyof typeof responseChannelLabels] ?? a.channel} · {formatReceivedAt(a)}
            {a.fromName ? ` · ${a.fromName}` : ""}
          </p>
          {a.summary ? <p>{a.summary}</p> : null}
          {a.body ? (
            <details>
              <summary>Full text</summary>
              <pre className="email-text">{a.body}</pre>
            </details>
          ) : null}
          {a.fileName ? <a href={`/admin/responses/${a.id}/file`}>Scanned letter: {a.fileName}</a> : null}
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="classify" />
            <input type="hidden" name="responseId" value={a.id} />
            <label>
              Kind of answer{" "}
              <select name="kind" defaultValue={a.kind}>
                {responseKinds.map((k) => (
                  <option key={k} value={k}>
                    {responseKindLabels[k]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary">
              Save kind
            </button>
          </Form>
        </section>
      ))}
      <p>
        <Link className="button secondary" to="responses/new">
          Log an answer by post, phone or meeting
        </Link>
      </p>

      <h2>Delivery</h2>
      {history.length === 0 ? <p>Not sent yet.</p> : null}
      {history.map((email) => (
        <section key={email.id} className="card">
          <p>
            To {email.toAddress}: <strong>{emailStatusLabel(email.status)}</strong>
            {email.lastError ? ` (${email.lastError})` : ""}
          </p>
          <ol>
            {email.events.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.occurredAt)}: {e.type.replace(/^email\./, "").replace(/_/g, " ")}
                {e.detail ? ` (${e.detail})` : ""}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

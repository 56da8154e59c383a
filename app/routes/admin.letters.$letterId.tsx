// One letter: read it as it will go out, edit it before sending, approve it, follow its delivery,
// print it, send it, and send it again, each send only after saying yes to a question; step to
// the next or previous letter of the review list.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { appUrl } from "~/env.server";
import { requireLetter } from "~/letters/letter-access.server";
import {
  approveLetter,
  editLetter,
  letterHistory,
  letterNeighbours,
  readLetterFilter,
  replyAddress,
  sendAgain,
  sendLetter,
  senderKeyOf,
  type LetterFilter,
} from "~/letters/letter.server";
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
import { parseForm, type FormFailure } from "~/ui/form-result";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { targetKindLabel } from "~/targets/target.schema";
import { FormError, TextAreaField, TextField } from "~/ui/forms";
import { formatDateTime, formatNumber } from "~/ui/format";
import { formOr400, IdSchema, intentOr400 } from "~/security/params.server";

const EditSchema = z.object({
  subject: singleLine().trim().min(1, "The subject is required.").max(300, "At most 300 characters."),
  body: multiLine().trim().min(20, "The letter needs at least 20 characters.").max(20000, "At most 20,000 characters."),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Letter to ${data?.letter.recipientName ?? "a target"}: Solidarity letters` },
];

/** The list's sender and filters, carried from the list to each letter and back. */
function listQuery(letter: { sectionId: string | null }, filter: LetterFilter): string {
  const query = new URLSearchParams({ sender: senderKeyOf(letter.sectionId) });
  if (filter.status) query.set("status", filter.status);
  if (filter.kind) query.set("kind", filter.kind);
  return query.toString();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { letter } = await requireLetter(request, params.letterId);
  const filter = readLetterFilter(new URL(request.url).searchParams);
  const [history, answers, neighbours] = await Promise.all([
    letterHistory(letter.id),
    responsesOfLetter(letter.id),
    letterNeighbours(letter, filter),
  ]);
  const filterQuery = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  const email = history.find((e) => e.id === letter.outboxEmailId);
  return {
    letter,
    state: deliveryBucketLabels[deliveryBucket(letter.status, email?.status ?? null)],
    replyTo: replyAddress(letter.replyToken),
    history,
    answers,
    neighbours,
    listQuery: listQuery(letter, filter),
    filterQuery: filterQuery ? `?${filterQuery}` : "",
    filtered: !!(filter.status || filter.kind),
  };
}

const Intent = z.enum(["edit", "approve", "send", "send-again", "classify"]);

type Result =
  | { intent: string; failure: FormFailure | null; message: string | null; ok: boolean }
  | ({ intent: string } & ReturnType<typeof confirmation>);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, letter } = await requireLetter(request, params.letterId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const answer = (message: string | null, status = 200, failure: FormFailure | null = null) =>
    json<Result>({ intent, failure, message, ok: status < 300 }, { status });
  switch (intent) {
    case "edit": {
      const parsed = parseForm(EditSchema, formData);
      if (!parsed.success) return answer(null, 400, parsed.failure);
      const ok = await editLetter(letter.id, parsed.data);
      return ok
        ? answer("Saved. The letter is a draft again: approve it when it reads right.")
        : answer("A sent letter cannot be edited.", 409);
    }
    case "approve": {
      // The Approve button belongs to the edit form: what is on the screen is what gets approved.
      const parsed = parseForm(EditSchema, formData);
      if (!parsed.success) return answer(null, 400, parsed.failure);
      const ok = await approveLetter(letter.id, parsed.data);
      return ok ? answer("Approved: the text above is the one that will be sent.") : answer("A sent letter cannot be approved again.", 409);
    }
    case "send": {
      const parsed = parseForm(EditSchema, formData);
      if (!parsed.success) return answer(null, 400, parsed.failure);
      if (letter.campaign.status !== "live") return answer("Letters are sent only while the campaign is live.", 409);
      const to = letter.recipientEmail ?? letter.target.email;
      if (letter.status !== "approved" || !to) return answer("Only an approved letter with an email address can be sent.", 409);
      if (!isConfirmed(formData)) {
        const edited = parsed.data.subject !== letter.subject || parsed.data.body !== letter.body;
        return json<Result>({
          intent,
          ...confirmation(formData, {
            title: `Send this letter to ${letter.recipientName}`,
            items: [`${letter.recipientName} <${to}>`],
            detail: `“${parsed.data.subject}” goes out by email at once, from ${letter.senderName}, and cannot be called back.${edited ? " Your changes are saved with it." : ""}`,
            button: "Send the letter",
          }),
        });
      }
      // Unsaved edits go with the letter: approved and sent as shown.
      if (!(await approveLetter(letter.id, parsed.data))) return answer("This letter cannot be sent any more.", 409);
      const ok = await sendLetter({ letterId: letter.id, organisationId: user.organisationId, appUrl: appUrl(request) });
      return ok ? answer("The letter is queued for sending.") : answer("This letter cannot be sent any more.", 409);
    }
    case "classify": {
      const form = formOr400(ClassifySchema.extend({ responseId: IdSchema }), formData);
      const ok = await classifyResponse({ ...form, letterId: letter.id, organisationId: user.organisationId });
      return ok ? answer("The answer's kind is saved.") : answer("No such answer.", 404);
    }
    case "send-again": {
      const to = letter.recipientEmail ?? letter.target.email;
      if (letter.status !== "sent" || !to) return answer("This letter cannot be sent again.", 409);
      if (!isConfirmed(formData)) {
        // Asking first: this target already got this letter from this sender.
        return json<Result>({
          intent,
          ...confirmation(formData, {
            title: `Send this letter to ${letter.recipientName} again`,
            items: [`${letter.recipientName} <${to}>`],
            detail: `${letter.recipientName} already received it from ${letter.senderName}${letter.sentAt ? ` on ${formatDateTime(letter.sentAt)}` : ""}. Sending the same letter twice can annoy a target; a follow-up letter is often better.`,
            button: "Send it again",
          }),
        });
      }
      const ok = await sendAgain({ letterId: letter.id, organisationId: user.organisationId, appUrl: appUrl(request) });
      return ok ? answer("The letter is queued to be sent again.") : answer("This letter cannot be sent again.", 409);
    }
  }
}

export default function LetterPage() {
  const { letter, state, replyTo, history, answers, neighbours, listQuery, filterQuery, filtered } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  // The answer shows once the page has reloaded the letter, never beside the text as it was before.
  const settled = useNavigation().state === "idle";
  const editable = letter.status !== "sent";
  const failure = result && "failure" in result ? result.failure : null;
  // Saving and approving are answered beside the buttons pressed, at the foot of a long letter.
  const nearTheText = editable && (result?.intent === "edit" || result?.intent === "approve");
  const canSend = !!(letter.recipientEmail ?? letter.target.email) && letter.campaign.status === "live";
  const role = [letter.target.position, letter.target.body].filter(Boolean).join(", ");
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${letter.campaign.id}/letters?${listQuery}`}>← Letters of {letter.campaign.title}</Link>
      </p>
      <nav className="actions pager" aria-label="Other letters">
        {neighbours.previous ? (
          <Link to={`/admin/letters/${neighbours.previous.id}${filterQuery}`} rel="prev">
            ← Previous: {neighbours.previous.recipientName}
          </Link>
        ) : null}
        {neighbours.position ? (
          <span className="muted">
            Letter {formatNumber(neighbours.position)} of {formatNumber(neighbours.total)}
            {filtered ? " (filtered)" : ""}
          </span>
        ) : null}
        {neighbours.next ? (
          <Link to={`/admin/letters/${neighbours.next.id}${filterQuery}`} rel="next">
            Next: {neighbours.next.recipientName} →
          </Link>
        ) : null}
      </nav>
      <h1>Letter to {letter.recipientName}</h1>
      {role ? <p className="lead">{role}</p> : null}
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {settled && result && "message" in result && result.message && !nearTheText ? (
        <p className={result.ok ? "notice" : "form-error"} role="status">
          {result.message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>From</dt>
        <dd>{letter.senderName}</dd>
        <dt>To</dt>
        <dd>{letter.recipientEmail ?? "No email address: print this letter and send it by post or fax."}</dd>
        <dt>Kind</dt>
        <dd>{targetKindLabel(letter.target.kind)}</dd>
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
        {letter.status === "sent" && letter.recipientEmail ? (
          <Form method="post">
            <input type="hidden" name="intent" value="send-again" />
            <button type="submit" className="secondary">
              Send again…
            </button>
          </Form>
        ) : null}
      </p>

      {editable ? (
        // Keyed by the saved text, so after saving or approving the fields show exactly what is stored.
        <Form method="post" className="stack card" noValidate key={letter.updatedAt}>
          <FormError failure={failure} />
          <TextField name="subject" label="Subject" required failure={failure} defaultValue={letter.subject} />
          <TextAreaField name="body" label="Letter" required rows={20} failure={failure} defaultValue={letter.body} />
          {settled && nearTheText && result && "message" in result && result.message ? (
            <p className={result.ok ? "notice" : "form-error"} role="status">
              {result.message}
            </p>
          ) : null}
          <div className="actions">
            {/* The first button is the one Enter presses: saving, never approving or sending. */}
            <button type="submit" name="intent" value="edit" className="secondary">
              Save changes
            </button>
            <button type="submit" name="intent" value="approve">
              {letter.status === "approved" ? "Approve with these changes" : "Approve"}
            </button>
            {letter.status === "approved" && canSend ? (
              <button type="submit" name="intent" value="send">
                Send…
              </button>
            ) : null}
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

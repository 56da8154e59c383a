// The inbox: email replies that reached a reply-to address no letter matches and were routed to
// this organisation, for an organiser to file under the right letter.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requireOrganiser } from "~/auth/permissions.server";
import { assignableLetters, assignResponse, inbox } from "~/responses/response.server";
import { ErrorMessage } from "~/ui/error-message";
import { formatDateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Inbox: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const [replies, letters] = await Promise.all([inbox(user.organisationId), assignableLetters(user.organisationId)]);
  return { replies, letters };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const form = z
    .object({ responseId: z.string().min(1), letterId: z.string().min(1, "Choose a letter.") })
    .safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return json({ ok: false, message: "Choose the letter this reply answers." }, { status: 400 });
  const ok = await assignResponse({ ...form.data, organisationId: user.organisationId });
  return json({ ok, message: ok ? "Filed under the letter." : "This reply or letter is not yours." }, { status: ok ? 200 : 404 });
}

export default function Inbox() {
  const { replies, letters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Inbox</h1>
      <p className="muted">
        Email replies that no letter's reply-to address matched and that were routed to your organisation (sent to your reply domain, or
        routed by the operator). File each under the letter it answers. Replies routed to nobody are seen by no organisation.
      </p>
      {result ? (
        <p className={result.ok ? "notice" : "form-error"} role="status">
          {result.message}
        </p>
      ) : null}
      {replies.length === 0 ? <p>Nothing waiting.</p> : null}
      {replies.map((r) => (
        <section key={r.id} className="card" aria-label={`Reply from ${r.fromName ?? "unknown"}`}>
          <p>
            <strong>{r.fromName}</strong> · {formatDateTime(r.receivedAt)} · to {r.inboundTo}
          </p>
          {r.summary ? <p>{r.summary}</p> : null}
          {r.body ? (
            <details>
              <summary>Text</summary>
              <pre className="email-text">{r.body}</pre>
            </details>
          ) : null}
          <Form method="post" className="actions">
            <input type="hidden" name="responseId" value={r.id} />
            <label>
              Answers the letter{" "}
              <select name="letterId" defaultValue="">
                <option value="">Choose…</option>
                {letters.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.recipientName} — {l.campaign.title} ({l.senderName})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary">
              File it
            </button>
          </Form>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

// The organiser's outbox: the queue by status, what failed and why, suppressed addresses, retry.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requireOrganiser } from "~/auth/permissions.server";
import { emailStatuses, emailStatusLabel } from "~/mail/email-status";
import { outboxOverview, retryFailedEmail } from "~/mail/outbox.server";
import { ErrorMessage } from "~/ui/error-message";
import { count, formatDateTime } from "~/ui/format";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { formOr400, IdSchema } from "~/security/params.server";

export const meta: MetaFunction = () => [{ title: "Outbox: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return outboxOverview(user.organisationId);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const formData = await request.formData();
  const form = formOr400(z.object({ intent: z.literal("retry"), emailId: IdSchema }), formData);
  if (!isConfirmed(formData)) {
    const email = (await outboxOverview(user.organisationId)).problems.find((p) => p.id === form.emailId && p.status === "failed");
    if (!email) return json({ message: "This email cannot be retried (it is not failed, or not yours)." }, { status: 409 });
    return json(
      confirmation(formData, {
        title: "Send this email again",
        items: [`${email.toAddress}: ${email.subject}`],
        detail: "It goes back into the queue and is sent within a minute.",
        button: "Send it again",
      }),
    );
  }
  const retried = await retryFailedEmail(user.organisationId, form.emailId);
  return json(
    { message: retried ? "The email is back in the queue." : "This email cannot be retried (it is not failed, or not yours)." },
    { status: retried ? 200 : 409 },
  );
}

export default function Outbox() {
  const { counts, problems, suppressed, recent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Outbox</h1>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {result && "message" in result ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <h2>By status</h2>
      <ul className="people-inline">
        {emailStatuses.map((s) => (
          <li key={s} className="card compact">
            {emailStatusLabel(s)}: <strong>{counts[s] ?? 0}</strong>
          </li>
        ))}
      </ul>

      <h2>Needs attention</h2>
      {problems.length === 0 ? <p>Nothing failed, bounced or was held back.</p> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="muted">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={p.id}>
                <td>{p.toAddress}</td>
                <td>{p.subject}</td>
                <td>{emailStatusLabel(p.status)}</td>
                <td>
                  {p.lastError ?? ""}
                  {p.attempts ? <span className="muted"> ({count(p.attempts, "attempt")})</span> : null}
                </td>
                <td>
                  {p.status === "failed" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="emailId" value={p.id} />
                      <button type="submit" className="secondary">
                        Retry…
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {suppressed.length ? (
        <>
          <h2>Suppressed addresses</h2>
          <p className="muted">We no longer send to these addresses.</p>
          <ul>
            {suppressed.map((s) => (
              <li key={s.address}>
                {s.address}: {s.reason === "hard_bounce" ? "hard bounce" : s.reason === "complaint" ? "marked as spam" : "asked us to stop"}{" "}
                on {formatDateTime(s.createdAt)}
                {s.detail ? ` (${s.detail})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Latest emails</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Queued</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((e) => (
              <tr key={e.id}>
                <td>{e.toAddress}</td>
                <td>{e.subject}</td>
                <td>{emailStatusLabel(e.status)}</td>
                <td>{formatDateTime(e.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { getDevMailboxEmail } from "~/mail/dev-mailbox.server";
import { requireDevMailboxReader } from "~/mail/dev-mailbox-access.server";
import { ErrorMessage } from "~/ui/error-message";
import { formatDateTime } from "~/ui/format";
import { IdSchema, paramOr404 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.subject ?? "Email"}: Dev mailbox` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = await requireDevMailboxReader(request);
  const email = await getDevMailboxEmail({ id: paramOr404(IdSchema, params.emailId, "No such email in the dev mailbox."), ...reader });
  notFoundUnless(email, "No such email in the dev mailbox.");
  return {
    email: {
      id: email.id,
      fromAddress: email.fromAddress,
      toAddress: email.toAddress,
      replyTo: email.replyTo,
      subject: email.subject,
      text: email.text,
      sentAt: email.sentAt,
      headers: email.headers ? (JSON.parse(email.headers) as Record<string, string>) : {},
    },
  };
}

export default function DevMailboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <article className="card" aria-labelledby="email-subject">
      <h2 id="email-subject">{email.subject}</h2>
      <dl className="facts">
        <dt>From</dt>
        <dd>{email.fromAddress}</dd>
        <dt>To</dt>
        <dd>{email.toAddress}</dd>
        {email.replyTo ? (
          <>
            <dt>Reply to</dt>
            <dd>{email.replyTo}</dd>
          </>
        ) : null}
        {Object.entries(email.headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {email.sentAt ? (
          <>
            <dt>Sent</dt>
            <dd>{formatDateTime(email.sentAt)}</dd>
          </>
        ) : null}
      </dl>
      <h3>As HTML</h3>
      <iframe title={`HTML of ${email.subject}`} src={`/dev/mailbox/${email.id}/html`} sandbox="" className="email-frame" />
      <h3>As text</h3>
      <pre className="email-text">{email.text}</pre>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { listDevMailbox } from "~/mail/dev-mailbox.server";
import { requireDevMailboxReader } from "~/mail/dev-mailbox-access.server";
import { ErrorMessage } from "~/ui/error-message";
import { formatDateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Dev mailbox: Solidarity letters" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const reader = await requireDevMailboxReader(request);
  return { emails: await listDevMailbox(reader) };
}

export default function DevMailbox() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dev mailbox</h1>
      <p className="muted">
        No email provider is configured (RESEND_API_KEY), so every email the app sends lands here instead. Nothing leaves this machine. You
        see your organisation's mail.
      </p>
      <Outlet />
      <h2>All emails ({emails.length})</h2>
      {emails.length === 0 ? <p>No email yet.</p> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>{e.toAddress}</td>
                <td>
                  <Link to={`/dev/mailbox/${e.id}`}>{e.subject}</Link>
                </td>
                <td>{e.sentAt ? formatDateTime(e.sentAt) : ""}</td>
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

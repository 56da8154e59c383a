// Who may open the dev mailbox: it exists only while no email provider is configured, and it shows
// confirmation links, so only a logged-in organiser reads it, and only their organisation's mail.
// Where the request comes from counts for nothing: behind a proxy on the same host, everyone is "local".
import { canManageCases } from "~/auth/roles";
import { getSessionUser } from "~/auth/session.server";
import { env } from "~/env.server";

export async function requireDevMailboxReader(request: Request): Promise<{ organisationId: string }> {
  if (env().RESEND_API_KEY) throw new Response("The dev mailbox is off: email goes through Resend.", { status: 404 });
  const user = await getSessionUser(request);
  if (user && canManageCases(user.role)) return { organisationId: user.organisationId };
  throw new Response("The dev mailbox shows an organisation's mail to its organisers: log in as one.", { status: 403 });
}

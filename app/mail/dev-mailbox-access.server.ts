// Who may open the dev mailbox: it is off when real email is configured, and it shows confirmation
// links, so it answers only this machine or a logged-in organiser (who sees their organisation's mail).
import type { AppLoadContext } from "@remix-run/node";
import { canManageCases } from "~/auth/roles";
import { getSessionUser } from "~/auth/session.server";
import { env } from "~/env.server";
import { isLoopback } from "~/mail/dev-mailbox.server";

export async function requireDevMailboxReader(request: Request, context: AppLoadContext): Promise<{ organisationId: string | null }> {
  if (env().RESEND_API_KEY) throw new Response("The dev mailbox is off: email goes through Resend.", { status: 404 });
  const user = await getSessionUser(request);
  if (user && canManageCases(user.role)) return { organisationId: isLoopback(context.clientAddress) ? null : user.organisationId };
  if (isLoopback(context.clientAddress)) return { organisationId: null };
  throw new Response("The dev mailbox answers only on this machine or to a logged-in organiser.", { status: 403 });
}

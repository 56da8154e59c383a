// The email's HTML part as its own document, framed by the dev mailbox page. Its own strict policy:
// no scripts, nothing loaded from elsewhere, framed only by this site.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFoundUnless } from "~/auth/permissions.server";
import { getDevMailboxEmail } from "~/mail/dev-mailbox.server";
import { requireDevMailboxReader } from "~/mail/dev-mailbox-access.server";
import { IdSchema, paramOr404 } from "~/security/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = await requireDevMailboxReader(request);
  const email = await getDevMailboxEmail({ id: paramOr404(IdSchema, params.emailId, "No such email in the dev mailbox."), ...reader });
  notFoundUnless(email, "No such email.");
  return new Response(email.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'",
      "X-Frame-Options": "SAMEORIGIN",
      "Cache-Control": "no-store",
    },
  });
}

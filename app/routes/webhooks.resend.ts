// POST /webhooks/resend: Resend's delivery events and inbound replies. The raw body's signature is
// verified before anything in it is read.
import type { ActionFunctionArgs } from "@remix-run/node";
import { applyDeliveryEvent, verifyWebhook } from "~/mail/webhooks.server";
import { applyInboundEmail, isInboundEvent } from "~/responses/inbound.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const verified = verifyWebhook(await request.text(), request.headers);
  const outcome = !verified.ok
    ? verified.outcome
    : isInboundEvent(verified.event)
      ? await applyInboundEmail(verified.id, verified.event)
      : await applyDeliveryEvent(verified.id, verified.event);
  return Response.json({ message: outcome.message }, { status: outcome.status });
}

export async function loader() {
  return new Response("Resend posts its events here.", { status: 405, headers: { Allow: "POST" } });
}

// POST /webhooks/resend: Resend's delivery events. The raw body is verified before anything is read.
import type { ActionFunctionArgs } from "@remix-run/node";
import { applyDeliveryEvent, verifyWebhook } from "~/mail/webhooks.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const verified = verifyWebhook(await request.text(), request.headers);
  const outcome = verified.ok ? await applyDeliveryEvent(verified.id, verified.event) : verified.outcome;
  return Response.json({ message: outcome.message }, { status: outcome.status });
}

export async function loader() {
  return new Response("Resend posts its events here.", { status: 405, headers: { Allow: "POST" } });
}

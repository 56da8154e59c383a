// Replies caught without anyone forwarding them: each letter has its own reply-to address
// (reply+<token>@MAIL_REPLY_DOMAIN); Resend's inbound mail posts `email.received`, we fetch the
// message and record it as a response to that letter; when no letter matches, it goes to the
// organisation whose reply domain it was sent to, or to nobody until an operator routes it.
import { Resend } from "resend";
import { z } from "zod";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { eventTimestamp } from "~/mail/webhooks.server";
import { Prisma } from "~/generated/prisma.server/client";
import { organisationForAddresses } from "~/responses/response.server";

const InboundEvent = z.object({
  type: z.literal("email.received"),
  created_at: eventTimestamp,
  data: z.object({
    email_id: z.string().min(1),
    from: z.string().default(""),
    to: z.array(z.string()).default([]),
    subject: z.string().optional(),
  }),
});

export function isInboundEvent(body: unknown): boolean {
  return typeof body === "object" && body !== null && "type" in body && body.type === "email.received";
}

/** The letter's token in any of the addresses the email was sent to. */
export function replyTokenIn(addresses: string[]): string | null {
  for (const address of addresses) {
    const match = address.toLowerCase().match(/reply\+([a-z0-9]+)@/);
    if (match?.[1]) return match[1];
  }
  return null;
}

function textOf(message: { text?: string | null; html?: string | null }): string {
  if (message.text) return message.text;
  return (message.html ?? "")
    .replace(/<style[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export async function applyInboundEmail(webhookId: string, body: unknown): Promise<{ status: number; message: string }> {
  const parsed = InboundEvent.safeParse(body);
  if (!parsed.success) return { status: 400, message: "This inbound email event is malformed (email id or date)." };
  const event = parsed.data;
  // Already applied answers 2xx: Resend would otherwise retry it for a day and then disable us.
  if (await prisma.webhookReceipt.findUnique({ where: { id: webhookId } }))
    return { status: 200, message: "This event was already applied." };
  if (await prisma.response.findUnique({ where: { inboundEmailId: event.data.email_id }, select: { id: true } })) {
    await prisma.webhookReceipt.create({ data: { id: webhookId } });
    return { status: 200, message: "This email is already recorded." };
  }
  const apiKey = env().RESEND_API_KEY;
  if (!apiKey) return { status: 503, message: "Inbound mail needs RESEND_API_KEY to fetch the message." };
  const fetched = await new Resend(apiKey).emails.receiving.get(event.data.email_id);
  // Resend keeps the message: a 5xx makes it deliver the event again later.
  if (fetched.error) return { status: 502, message: `Could not fetch the message: ${fetched.error.message}` };
  const message = fetched.data;

  const token = replyTokenIn([...event.data.to, ...(message.to ?? [])]);
  const letter = token
    ? await prisma.letter.findUnique({ where: { replyToken: token }, select: { id: true, organisationId: true } })
    : null;
  // No letter: the reply is the organisation's whose reply domain it was sent to, else nobody's yet.
  const routedTo = letter ? letter.organisationId : await organisationForAddresses([...event.data.to, ...(message.to ?? [])]);
  const receivedAt = new Date(event.created_at);
  try {
    await prisma.$transaction([
      prisma.response.create({
        data: {
          letterId: letter?.id ?? null,
          organisationId: routedTo,
          channel: "email",
          kind: "unclassified",
          receivedAt,
          fromName: (message.from ?? event.data.from).slice(0, 200),
          summary: (message.subject ?? event.data.subject ?? "").slice(0, 300) || null,
          body: textOf(message).slice(0, 50_000),
          inboundEmailId: event.data.email_id,
          inboundTo: event.data.to.join(", ").slice(0, 500),
        },
      }),
      prisma.webhookReceipt.create({ data: { id: webhookId } }),
    ]);
  } catch (error) {
    // The same email delivered twice at once: the other delivery recorded it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { status: 200, message: "Already recorded." };
    throw error;
  }
  if (letter) return { status: 200, message: "Recorded as an answer to the letter." };
  return {
    status: 200,
    message: routedTo
      ? "No letter matches: the reply is in its organisation's inbox."
      : "No letter matches: the reply waits for an operator to route it.",
  };
}

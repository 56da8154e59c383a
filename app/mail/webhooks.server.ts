// Resend's delivery events: verified (Standard Webhooks signature, 5-minute tolerance), applied once
// (svix-id remembered), never moving an email backwards; hard bounces and complaints suppress the address.
import { Resend } from "resend";
import { z } from "zod";
import { prisma, sqliteDate } from "~/db.server";
import { env } from "~/env.server";
import { providerEventStatus, statusAfterProviderEvent, type ProviderEventType } from "~/mail/email-status";
import { readable, withoutAddresses } from "~/mail/outbox.server";
import { emailHash } from "~/security/crypto.server";

/** A timestamp that makes a real date: a bad one is refused (400), never stored as "Invalid Date". */
export const eventTimestamp = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(new Date(value).getTime()), "Not a date.");

const handledTypes = Object.keys(providerEventStatus) as [ProviderEventType, ...ProviderEventType[]];

const DeliveryEvent = z.object({
  type: z.enum(handledTypes),
  created_at: eventTimestamp,
  data: z.object({
    email_id: z.string().min(1),
    bounce: z.object({ type: z.string().optional(), subType: z.string().optional(), message: z.string().optional() }).optional(),
    failed: z.object({ reason: z.string().optional() }).optional(),
  }),
});
type DeliveryEvent = z.infer<typeof DeliveryEvent>;

export type WebhookOutcome = { status: number; message: string };

/** How long after an event an unknown email id may still be one the worker has not recorded yet. */
export const NOT_YET_RECORDED_MS = 60 * 60 * 1000;

/** Verifies the signature and parses the body. Throws nothing: a bad request is an outcome. */
export function verifyWebhook(
  rawBody: string,
  headers: Headers,
): { ok: true; id: string; event: unknown } | { ok: false; outcome: WebhookOutcome } {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return { ok: false, outcome: { status: 503, message: "Webhooks are not configured (RESEND_WEBHOOK_SECRET)." } };
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signature = headers.get("svix-signature");
  if (!id || !timestamp || !signature) return { ok: false, outcome: { status: 400, message: "Missing signature headers." } };
  try {
    new Resend("re_unused").webhooks.verify({ payload: rawBody, headers: { id, timestamp, signature }, webhookSecret: secret });
  } catch {
    return { ok: false, outcome: { status: 401, message: "Invalid or stale signature." } };
  }
  try {
    return { ok: true, id, event: JSON.parse(rawBody) };
  } catch {
    return { ok: false, outcome: { status: 400, message: "Body is not JSON." } };
  }
}

function isHardBounce(event: DeliveryEvent) {
  return event.type === "email.bounced" && (event.data.bounce?.type ?? "Permanent").toLowerCase() === "permanent";
}

/**
 * Applies one verified delivery event, once. Resend retries every non-2xx answer for about a day and
 * then disables the endpoint: so an event already applied, and a type this app does not use (opened,
 * clicked, contact events), answer 200; a malformed event of a type we use answers 400.
 */
export async function applyDeliveryEvent(webhookId: string, body: unknown): Promise<WebhookOutcome> {
  const type = z.object({ type: z.string() }).safeParse(body);
  if (!type.success) return { status: 400, message: "An event needs a type." };
  if (!(handledTypes as string[]).includes(type.data.type))
    return { status: 200, message: `Event type ${type.data.type.slice(0, 64)} is not used here.` };
  const parsed = DeliveryEvent.safeParse(body);
  if (!parsed.success) return { status: 400, message: "This delivery event is malformed (email id or date)." };
  const event = parsed.data;
  return prisma.$transaction(async (tx) => {
    if (await tx.webhookReceipt.findUnique({ where: { id: webhookId } })) {
      return { status: 200, message: "This event was already applied." };
    }
    const email = await tx.outboxEmail.findUnique({ where: { providerId: event.data.email_id } });
    const occurredAt = new Date(event.created_at);
    if (!email) {
      // Unknown yet (the worker records the id just after Resend accepted the email): a 404 makes
      // Resend deliver it again later. Past that window the email is not ours (another app on the
      // account, or deleted since): 200, or a day of retries would get the endpoint disabled.
      if (Date.now() - occurredAt.getTime() < NOT_YET_RECORDED_MS) return { status: 404, message: "No email with this id (yet)." };
      return { status: 200, message: "No email with this id: ignored." };
    }
    // A mail server's bounce text often quotes the recipient's address: kept without it.
    const detail = withoutAddresses(event.data.bounce?.message ?? event.data.failed?.reason ?? null);

    // The receipt first, as one statement: of two deliveries of the same event at once (Resend
    // retrying while the first is still applied, maybe on another server), the second waits for
    // the first to commit and then inserts nothing.
    const fresh = await tx.$executeRaw`INSERT INTO "WebhookReceipt" ("id", "receivedAt") VALUES (${webhookId}, ${sqliteDate(new Date())})
      ON CONFLICT ("id") DO NOTHING`;
    if (fresh === 0) return { status: 200, message: "This event was already applied." };
    await tx.emailEvent.create({
      data: { emailId: email.id, type: event.type, detail, occurredAt },
    });
    const next = statusAfterProviderEvent(email.status, event.type);
    if (next) {
      await tx.outboxEmail.update({
        where: { id: email.id },
        data: {
          status: next,
          ...(next === "delivered" ? { deliveredAt: occurredAt } : {}),
          ...(next === "failed" || next === "bounced" || next === "complained"
            ? { lastError: detail ?? event.type, failedAt: occurredAt }
            : {}),
        },
      });
    }
    if (isHardBounce(event) || event.type === "email.complained") {
      const address = readable(email).toAddress;
      if (email.encrypted) {
        // A supporter's address is never stored in clear, not even on the suppression list.
        await tx.suppressedSupporter.upsert({
          where: { emailHash: emailHash(address) },
          create: { emailHash: emailHash(address) },
          update: {},
        });
      } else {
        await tx.suppressedAddress.upsert({
          where: { address },
          create: { address, reason: event.type === "email.complained" ? "complaint" : "hard_bounce", detail },
          update: {},
        });
      }
    }
    return { status: 200, message: next ? `Email is now ${next}.` : "Recorded; status unchanged." };
  });
}

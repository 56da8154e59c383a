// The offline dev mailbox: without RESEND_API_KEY, "sending" files the email where /dev/mailbox
// shows it. It is the outbox row itself, marked delivered; nothing leaves the machine. Each email is
// shown to the organisers of the organisation that sent it; one with no organisation, to no one.
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import type { Transport } from "~/mail/transport";

export const devMailboxTransport: Transport = {
  name: "dev-mailbox",
  async send(emails) {
    return { ok: true, providerIds: emails.map((e) => `dev-${e.id}`), delivered: true };
  },
};

export function listDevMailbox({ organisationId, take = 100 }: { organisationId: string; take?: number }) {
  return prisma.outboxEmail
    .findMany({
      where: { providerId: { startsWith: "dev-" }, organisationId },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        toAddress: true,
        fromAddress: true,
        replyTo: true,
        subject: true,
        kind: true,
        sentAt: true,
        status: true,
        encrypted: true,
      },
    })
    .then((rows) => rows.map(readable));
}

export async function getDevMailboxEmail({ id, organisationId }: { id: string; organisationId: string }) {
  const email = await prisma.outboxEmail.findFirst({
    where: { id, providerId: { startsWith: "dev-" }, organisationId },
  });
  return email ? readable(email) : null;
}

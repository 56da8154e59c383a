// The offline dev mailbox: without RESEND_API_KEY, "sending" files the email where /dev/mailbox
// shows it. It is the outbox row itself, marked delivered; nothing leaves the machine.
import { prisma } from "~/db.server";
import { readable } from "~/mail/outbox.server";
import type { Transport } from "~/mail/transport";

export const devMailboxTransport: Transport = {
  name: "dev-mailbox",
  async send(emails) {
    return { ok: true, providerIds: emails.map((e) => `dev-${e.id}`), delivered: true };
  },
};

/** Who may read the dev mailbox: it shows confirmation links, so only this machine or an organiser. */
export function isLoopback(address: string | null): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export function listDevMailbox({ organisationId, take = 100 }: { organisationId: string | null; take?: number }) {
  return prisma.outboxEmail.findMany({
    where: { providerId: { startsWith: "dev-" }, ...(organisationId ? { organisationId } : {}) },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, toAddress: true, fromAddress: true, replyTo: true, subject: true, kind: true, sentAt: true, status: true, encrypted: true },
  }).then((rows) => rows.map(readable));
}

export async function getDevMailboxEmail({ id, organisationId }: { id: string; organisationId: string | null }) {
  const email = await prisma.outboxEmail.findFirst({
    where: { id, providerId: { startsWith: "dev-" }, ...(organisationId ? { organisationId } : {}) },
  });
  return email ? readable(email) : null;
}

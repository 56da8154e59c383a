// The one reminder for a signature left unconfirmed: a day after signing, through the outbox,
// exactly once (guarded by reminderSentAt in the same transaction as the email), never to an
// address that stopped email, and never for a confirmed or erased signature. Run by maintenance.
import { defaultLanguage, isLanguage } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { enqueueEmail, unsubscribeHeaders } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { signerLinks } from "~/petitions/signature.server";
import { decrypt, signerLinkToken } from "~/security/crypto.server";
import { ConfirmReminderEmail, confirmReminderText } from "../../emails/confirm-reminder";

export const REMIND_AFTER_MS = 24 * 3600 * 1000;
const REMINDER_CHUNK = 200;

/** The address for links in emails sent by background work: APP_URL, else this machine's port. */
function backgroundLinkBase(): string {
  const e = env();
  return e.APP_URL ?? `http://localhost:${e.PORT}`;
}

/** Queues every reminder now due, chunk by chunk; returns how many were queued. */
export async function queueSignatureReminders(now = new Date(), appUrl = backgroundLinkBase()): Promise<number> {
  const due = new Date(now.getTime() - REMIND_AFTER_MS);
  let queued = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.signature.findMany({
      where: {
        status: "pending",
        reminderSentAt: null,
        erasedAt: null,
        unsubscribedAt: null,
        emailHash: { not: null },
        emailEnc: { not: null },
        createdAt: { lt: due },
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: REMINDER_CHUNK,
      select: {
        id: true,
        emailHash: true,
        emailEnc: true,
        language: true,
        campaign: { select: { title: true, organisationId: true, status: true } },
      },
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const hashes = rows.flatMap((r) => (r.emailHash ? [r.emailHash] : []));
    const stopped = new Set(
      (await prisma.suppressedSupporter.findMany({ where: { emailHash: { in: hashes } }, select: { emailHash: true } })).map(
        (s) => s.emailHash,
      ),
    );
    // Rendered before the transaction: the write lock is then held only for the writes.
    // Rendered before the transaction: the write lock is then held only for the writes.
    const emails = await Promise.all(
      rows.flatMap((row) => {
        if (!row.emailHash || !row.emailEnc || stopped.has(row.emailHash) || row.campaign.status !== "live") return [];
        const language = isLanguage(row.language) ? row.language : defaultLanguage;
        const links = signerLinks(appUrl, signerLinkToken(row.id), language);
        const props = { campaignTitle: row.campaign.title, ...links, language };
        const to = decrypt(row.emailEnc);
        return [
          renderEmail(ConfirmReminderEmail(props), { text: confirmReminderText(props) }).then((content) => ({
            id: row.id,
            to,
            organisationId: row.campaign.organisationId,
            subject: tFor(language)("email.reminder.subject", { title: row.campaign.title }),
            unsubscribeUrl: links.unsubscribeUrl,
            content,
          })),
        ];
      }),
    );
    queued += await prisma.$transaction(async (tx) => {
      let created = 0;
      for (const e of emails) {
        // Confirmed, erased or stopped since it was read: nothing goes. Reminded already: nothing again.
        const { count } = await tx.signature.updateMany({
          where: { id: e.id, status: "pending", reminderSentAt: null, erasedAt: null, unsubscribedAt: null },
          data: { reminderSentAt: now },
        });
        if (count === 0) continue;
        const email = await enqueueEmail(tx, {
          dedupeKey: `confirm-reminder:${e.id}`,
          kind: "confirm-reminder",
          to: e.to,
          subject: e.subject,
          ...e.content,
          organisationId: e.organisationId,
          subjectType: "signature",
          subjectId: e.id,
          sensitive: true,
          headers: unsubscribeHeaders(e.unsubscribeUrl),
          tags: [{ name: "kind", value: "confirm-reminder" }],
        });
        if (email.created) created++;
      }
      return created;
    });
    if (rows.length < REMINDER_CHUNK) break;
  }
  return queued;
}

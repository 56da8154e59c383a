// Keeping signers' data no longer than needed: unconfirmed signatures and supporters' letters go
// after a few days, address hashes after 30 days at most, and all personal data a while after the
// campaign closes. The anonymous count stays. Run by the worker process every hour.
import { prisma, writeTransaction } from "~/db.server";
import { purgeUsedStamps } from "~/petitions/abuse.server";
import { deleteExpiredSessions } from "~/auth/session.server";
import { env } from "~/env.server";
import { deleteOldTargetImports } from "~/targets/import.server";

const day = 24 * 3600 * 1000;

export async function purgeSignerData(now = new Date()) {
  const e = env();
  const unconfirmedBefore = new Date(now.getTime() - e.UNCONFIRMED_SIGNATURE_DAYS * day);
  const addressesBefore = new Date(now.getTime() - e.ADDRESS_HASH_DAYS * day);
  const closedBefore = new Date(now.getTime() - e.SIGNER_DATA_RETENTION_DAYS * day);

  return prisma.$transaction(async (tx) => {
    const stale = await tx.signature.findMany({ where: { status: "pending", createdAt: { lt: unconfirmedBefore } }, select: { id: true } });
    const staleIds = stale.map((s) => s.id);
    await tx.outboxEmail.deleteMany({ where: { subjectType: "signature", subjectId: { in: staleIds } } });
    const unconfirmed = await tx.signature.deleteMany({ where: { id: { in: staleIds } } });
    const addresses = await tx.signature.updateMany({ where: { addressHash: { not: null }, createdAt: { lt: addressesBefore } }, data: { addressHash: null } });
    const closedCampaigns = (await tx.campaign.findMany({ where: { status: "closed", closedAt: { lt: closedBefore } }, select: { id: true } })).map((c) => c.id);
    const erased = await tx.signature.updateMany({
      where: { campaignId: { in: closedCampaigns }, erasedAt: null },
      data: {
        emailHash: null,
        nameEnc: null,
        emailEnc: null,
        cityEnc: null,
        organisationEnc: null,
        commentEnc: null,
        addressHash: null,
        showName: false,
        wantsUpdates: false,
        erasedAt: now,
      },
    });
    // Supporters' letters, sent or not, and the confirmation emails that carried their text.
    const oldLetters = (await tx.supporterLetter.findMany({ where: { createdAt: { lt: unconfirmedBefore } }, select: { id: true } })).map((l) => l.id);
    await tx.outboxEmail.deleteMany({ where: { subjectType: "supporter-letter", subjectId: { in: oldLetters }, kind: "confirm-supporter-letter" } });
    const letters = await tx.supporterLetter.deleteMany({ where: { id: { in: oldLetters } } });
    return { unconfirmedDeleted: unconfirmed.count, addressHashesRemoved: addresses.count, signersErased: erased.count, supporterLettersDeleted: letters.count };
  });
}

/** Runs the purge (and the deletion of expired sessions and old uploads) now and every hour until stopped. */
export function startMaintenance(intervalMs = 3600_000) {
  const run = () =>
    Promise.all([purgeSignerData(), deleteExpiredSessions(), deleteOldTargetImports(), writeTransaction(() => purgeUsedStamps())]).catch((error: unknown) => console.warn(`[maintenance] ${error instanceof Error ? error.message : String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// Keeping signers' data no longer than needed: unconfirmed signatures and supporters' letters go
// after a few days, address hashes after 30 days at most, and all personal data a while after the
// campaign closes. The anonymous count stays. Run by the worker process every hour.
import { prisma, writeTransaction } from "~/db.server";
import { withoutAddresses } from "~/mail/outbox.server";
import { purgeUsedStamps } from "~/petitions/abuse.server";
import { eraseSupporterRecords } from "~/petitions/erasure.server";
import { deleteExpiredSessions } from "~/auth/session.server";
import { env } from "~/env.server";
import { deleteOldTargetImports } from "~/targets/import.server";
import { reportBackgroundError } from "~/background.server";

const day = 24 * 3600 * 1000;

export async function purgeSignerData(now = new Date()) {
  const e = env();
  const unconfirmedBefore = new Date(now.getTime() - e.UNCONFIRMED_SIGNATURE_DAYS * day);
  const addressesBefore = new Date(now.getTime() - e.ADDRESS_HASH_DAYS * day);
  const closedBefore = new Date(now.getTime() - e.SIGNER_DATA_RETENTION_DAYS * day);

  return prisma.$transaction(async (tx) => {
    const stale = await tx.signature.findMany({ where: { status: "pending", createdAt: { lt: unconfirmedBefore } }, select: { id: true } });
    const closedCampaigns = (await tx.campaign.findMany({ where: { status: "closed", closedAt: { lt: closedBefore } }, select: { id: true } })).map((c) => c.id);
    const closedSigners = await tx.signature.findMany({ where: { campaignId: { in: closedCampaigns }, erasedAt: null }, select: { id: true } });
    // Supporters' letters, sent or not, go after the unconfirmed-signature days, with every email
    // to or from their writer (the letter that went out carried their name and address).
    const oldLetters = await tx.supporterLetter.findMany({ where: { createdAt: { lt: unconfirmedBefore } }, select: { id: true } });
    const erased = await eraseSupporterRecords(tx, {
      signatureIds: [...stale, ...closedSigners].map((s) => s.id),
      supporterLetterIds: oldLetters.map((l) => l.id),
      now,
    });
    const addresses = await tx.signature.updateMany({ where: { addressHash: { not: null }, createdAt: { lt: addressesBefore } }, data: { addressHash: null } });
    return {
      unconfirmedDeleted: erased.pendingSignaturesDeleted,
      addressHashesRemoved: addresses.count,
      signersErased: erased.signaturesAnonymised,
      supporterLettersDeleted: erased.supporterLettersDeleted,
    };
  });
}

/** Runs the purge (and the deletion of expired sessions and old uploads) now and every hour until stopped. */
export function startMaintenance(intervalMs = 3600_000) {
  // Each job reports on its own: one failing does not hide another's failure, nor stop it.
  const jobs: Array<[string, () => Promise<unknown>]> = [
    ["purging signer data", () => purgeSignerData()],
    ["deleting expired sessions", () => deleteExpiredSessions()],
    ["deleting old target uploads", () => deleteOldTargetImports()],
    ["deleting expired form stamps", () => writeTransaction(() => purgeUsedStamps())],
  ];
  const run = () => Promise.all(jobs.map(([doing, job]) => job().catch((error: unknown) => reportBackgroundError("maintenance", doing, error))));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

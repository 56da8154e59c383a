// Keeping signers' data no longer than needed: unconfirmed signatures and supporters' letters go
// after a few days, address hashes after 30 days at most, and all personal data a while after the
// campaign closes. The anonymous count stays. Run by the worker process every hour.
import { prisma } from "~/db.server";
import { purgeUsedStamps } from "~/petitions/abuse.server";
import { queueSignatureReminders } from "~/petitions/reminder.server";
import { purgeUnconfirmedFollowers } from "~/cases/follow.server";
import { eraseSupporterRecords } from "~/petitions/erasure.server";
import { deleteExpiredSessions } from "~/auth/session.server";
import { deleteOldPasswordResets } from "~/auth/password-reset.server";
import { deleteExpiredChallenges } from "~/auth/two-factor.server";
import { env } from "~/env.server";
import { deleteOldTargetImports } from "~/targets/import.server";
import { reportBackgroundError } from "~/background.server";

const day = 24 * 3600 * 1000;

export async function purgeSignerData(now = new Date()) {
  const e = env();
  const unconfirmedBefore = new Date(now.getTime() - e.UNCONFIRMED_SIGNATURE_DAYS * day);
  const addressesBefore = new Date(now.getTime() - e.ADDRESS_HASH_DAYS * day);
  const closedBefore = new Date(now.getTime() - e.SIGNER_DATA_RETENTION_DAYS * day);

  // Chunk by chunk, each its own short transaction: a closed campaign of a million signers must not
  // hold the write lock for seconds while other campaigns sign (docs/decisions/001-write-model.md).
  const totals = { unconfirmedDeleted: 0, addressHashesRemoved: 0, signersErased: 0, supporterLettersDeleted: 0 };
  const closedCampaigns = (
    await prisma.campaign.findMany({ where: { status: "closed", closedAt: { lt: closedBefore } }, select: { id: true } })
  ).map((c) => c.id);
  for (;;) {
    const done = await prisma.$transaction(async (tx) => {
      const stale = await tx.signature.findMany({
        where: { status: "pending", createdAt: { lt: unconfirmedBefore } },
        select: { id: true },
        take: PURGE_CHUNK,
      });
      const closedSigners = await tx.signature.findMany({
        where: { campaignId: { in: closedCampaigns }, erasedAt: null },
        select: { id: true },
        take: PURGE_CHUNK,
      });
      // Supporters' letters, sent or not, go after the unconfirmed-signature days, with every email
      // to or from their writer (the letter that went out carried their name and address).
      const oldLetters = await tx.supporterLetter.findMany({
        where: { createdAt: { lt: unconfirmedBefore } },
        select: { id: true },
        take: PURGE_CHUNK,
      });
      if (stale.length + closedSigners.length + oldLetters.length === 0) return true;
      const erased = await eraseSupporterRecords(tx, {
        signatureIds: [...stale, ...closedSigners].map((s) => s.id),
        supporterLetterIds: oldLetters.map((l) => l.id),
        now,
      });
      // Rows found but none erased would loop for ever: stop and say so instead.
      if (erased.pendingSignaturesDeleted + erased.signaturesAnonymised + erased.supporterLettersDeleted === 0) {
        throw new Error("Retention found signer data to erase but erased none of it.");
      }
      totals.unconfirmedDeleted += erased.pendingSignaturesDeleted;
      totals.signersErased += erased.signaturesAnonymised;
      totals.supporterLettersDeleted += erased.supporterLettersDeleted;
      return false;
    });
    if (done) break;
  }
  for (;;) {
    const old = await prisma.signature.findMany({
      where: { addressHash: { not: null }, createdAt: { lt: addressesBefore } },
      select: { id: true },
      take: PURGE_CHUNK * 10,
    });
    if (old.length === 0) break;
    const { count } = await prisma.signature.updateMany({ where: { id: { in: old.map((s) => s.id) } }, data: { addressHash: null } });
    totals.addressHashesRemoved += count;
  }
  return totals;
}

/** Rows erased per transaction: each takes milliseconds, so signing never waits long behind one. */
const PURGE_CHUNK = 500;

/** Runs the purge (and the deletion of expired sessions and old uploads) now and every hour until stopped. */
export function startMaintenance(intervalMs = 3600_000) {
  // Each job reports on its own: one failing does not hide another's failure, nor stop it.
  const jobs: Array<[string, () => Promise<unknown>]> = [
    ["purging signer data", () => purgeSignerData()],
    ["reminding unconfirmed signers", () => queueSignatureReminders()],
    ["deleting unconfirmed case followers", () => purgeUnconfirmedFollowers()],
    ["deleting expired sessions", () => deleteExpiredSessions()],
    ["deleting used and expired password links", () => deleteOldPasswordResets()],
    ["deleting expired two-factor log-in steps", () => deleteExpiredChallenges()],
    ["deleting old target uploads", () => deleteOldTargetImports()],
    ["deleting expired form stamps", () => purgeUsedStamps()],
  ];
  const run = () =>
    Promise.all(jobs.map(([doing, job]) => job().catch((error: unknown) => reportBackgroundError("maintenance", doing, error))));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// Erasing supporters' personal data: the one function that both "delete my data" and retention
// use, so both remove the same things: the signatures (a confirmed one stays as an anonymous count),
// every outbox email to or from the person (confirmations, "already signed", case updates, the
// letters they sent with their name and reply-to address), their supporters' letters, and their
// follows of cases (deleted outright, with their emails).
import type { Prisma } from "~/generated/prisma.server/client";

const personalDataRemoved = {
  emailHash: null,
  nameEnc: null,
  emailEnc: null,
  cityEnc: null,
  organisationEnc: null,
  commentEnc: null,
  addressHash: null,
  showName: false,
  wantsUpdates: false,
};

export interface Erased {
  pendingSignaturesDeleted: number;
  signaturesAnonymised: number;
  supporterLettersDeleted: number;
  emailsDeleted: number;
}

/** Inside the caller's transaction: erases these signatures and supporters' letters, and their emails. */
export async function eraseSupporterRecords(
  tx: Prisma.TransactionClient,
  { signatureIds, supporterLetterIds, now = new Date() }: { signatureIds: string[]; supporterLetterIds: string[]; now?: Date },
): Promise<Erased> {
  const emails = await tx.outboxEmail.deleteMany({
    where: {
      OR: [
        { subjectType: "signature", subjectId: { in: signatureIds } },
        { subjectType: "supporter-letter", subjectId: { in: supporterLetterIds } },
      ],
    },
  });
  const pending = await tx.signature.deleteMany({ where: { id: { in: signatureIds }, status: "pending" } });
  const anonymised = await tx.signature.updateMany({
    where: { id: { in: signatureIds }, erasedAt: null },
    data: { ...personalDataRemoved, erasedAt: now },
  });
  const letters = await tx.supporterLetter.deleteMany({ where: { id: { in: supporterLetterIds } } });
  return {
    pendingSignaturesDeleted: pending.count,
    signaturesAnonymised: anonymised.count,
    supporterLettersDeleted: letters.count,
    emailsDeleted: emails.count,
  };
}

/**
 * Everything kept for one email address (by its keyed hash): every signature and supporter's letter
 * given with it, plus the rows named (already without a hash, e.g. an erased signature).
 */
export async function eraseEverythingOf(
  tx: Prisma.TransactionClient,
  {
    emailHash,
    signatureIds = [],
    supporterLetterIds = [],
    caseFollowerIds = [],
  }: { emailHash: string | null; signatureIds?: string[]; supporterLetterIds?: string[]; caseFollowerIds?: string[] },
): Promise<Erased> {
  const followers = emailHash ? await tx.caseFollower.findMany({ where: { emailHash }, select: { id: true } }) : [];
  const followerIds = [...new Set([...caseFollowerIds, ...followers.map((f) => f.id)])];
  if (followerIds.length) {
    await tx.outboxEmail.deleteMany({ where: { subjectType: "case-follower", subjectId: { in: followerIds } } });
    await tx.caseFollower.deleteMany({ where: { id: { in: followerIds } } });
  }
  const [signatures, letters] = emailHash
    ? await Promise.all([
        tx.signature.findMany({ where: { emailHash }, select: { id: true } }),
        tx.supporterLetter.findMany({ where: { emailHash }, select: { id: true } }),
      ])
    : [[], []];
  return eraseSupporterRecords(tx, {
    signatureIds: [...new Set([...signatureIds, ...signatures.map((s) => s.id)])],
    supporterLetterIds: [...new Set([...supporterLetterIds, ...letters.map((l) => l.id)])],
  });
}

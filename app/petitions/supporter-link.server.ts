// The links in supporters' emails (/s/:token/...) belong to a signature or to a supporter's letter
// waiting for its writer's confirmation. Stopping email and deleting one's data work from either.
import { prisma } from "~/db.server";
import { eraseEverythingOf } from "~/petitions/erasure.server";
import { signatureByToken } from "~/petitions/signature.server";
import { tokenHash } from "~/security/crypto.server";

export type SupporterLink =
  | { kind: "signature"; stopped: boolean; erased: boolean; campaignTitle: string }
  | { kind: "letter"; stopped: boolean; sent: boolean; campaignTitle: string; targetName: string };

export async function supporterLink(token: string): Promise<SupporterLink | null> {
  const signature = await signatureByToken(token);
  if (signature) {
    return {
      kind: "signature",
      stopped: signature.unsubscribedAt !== null,
      erased: signature.erasedAt !== null,
      campaignTitle: signature.campaign.title,
    };
  }
  // The letters asked for at once share their link: they answer as one.
  const letters = await prisma.supporterLetter.findMany({
    where: { tokenHash: tokenHash(token) },
    select: { emailHash: true, sentAt: true, campaign: { select: { title: true } }, target: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const letter = letters[0];
  if (!letter) return null;
  const stopped = letter.emailHash ? (await prisma.suppressedSupporter.count({ where: { emailHash: letter.emailHash } })) > 0 : false;
  return {
    kind: "letter",
    stopped,
    sent: letters.every((l) => l.sentAt !== null),
    campaignTitle: letter.campaign.title,
    targetName: letters.map((l) => l.target.name).join(", "),
  };
}

/**
 * Stops all email to this person, for every campaign: their hash goes on the suppression list. From a
 * signature's link or a supporter letter's.
 */
export async function unsubscribe(token: string): Promise<boolean> {
  const hash = tokenHash(token);
  return prisma.$transaction(async (tx) => {
    const signature = await tx.signature.findUnique({ where: { tokenHash: hash }, select: { id: true, emailHash: true } });
    const letters = signature
      ? []
      : await tx.supporterLetter.findMany({ where: { tokenHash: hash }, select: { id: true, emailHash: true }, orderBy: { id: "asc" } });
    const letter = letters[0] ?? null;
    const owner = signature ?? letter;
    if (!owner) return false;
    const now = new Date();
    if (owner.emailHash) {
      await tx.signature.updateMany({ where: { emailHash: owner.emailHash }, data: { wantsUpdates: false, unsubscribedAt: now } });
      await tx.suppressedSupporter.upsert({ where: { emailHash: owner.emailHash }, create: { emailHash: owner.emailHash }, update: {} });
    } else if (signature) {
      await tx.signature.update({ where: { id: signature.id }, data: { wantsUpdates: false, unsubscribedAt: now } });
    }
    // Mail to the supporter still waiting in the outbox is not sent; a letter they confirmed still goes.
    await tx.outboxEmail.updateMany({
      where: {
        subjectType: signature ? "signature" : "supporter-letter",
        subjectId: { in: signature ? [signature.id] : letters.map((l) => l.id) },
        status: "queued",
        kind: { not: "supporter-letter" },
      },
      data: { status: "suppressed", lastError: "The supporter asked for no more email." },
    });
    return true;
  });
}

/**
 * "Delete my data", from a signature's link or a supporter letter's: everything kept for that email
 * address goes (app/petitions/erasure.server.ts, the same erasure as retention's).
 */
export async function eraseSupporterData(token: string): Promise<boolean> {
  const hash = tokenHash(token);
  return prisma.$transaction(async (tx) => {
    const signature = await tx.signature.findUnique({ where: { tokenHash: hash }, select: { id: true, emailHash: true } });
    const letters = signature
      ? []
      : await tx.supporterLetter.findMany({ where: { tokenHash: hash }, select: { id: true, emailHash: true }, orderBy: { id: "asc" } });
    const letter = letters[0] ?? null;
    const owner = signature ?? letter;
    if (!owner) return false;
    await eraseEverythingOf(tx, {
      emailHash: owner.emailHash,
      signatureIds: signature ? [signature.id] : [],
      supporterLetterIds: letters.map((l) => l.id),
    });
    return true;
  });
}

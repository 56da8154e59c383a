// Following a case by email (for a case without a live campaign): double opt-in like signing. The
// page answers the same for every address; the confirmation link goes to the address, at most once
// an hour, never to an address that stopped email. The email is encrypted and found by keyed hash;
// stopping and "delete my data" work as for signers; followers get the case's updates (once per
// address, with the signers: app/cases/case-update.server.ts).
import { z } from "zod";
import { defaultLanguage, type Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n";
import { languageQuery } from "~/petitions/signer-links";
import { hot, prisma, whenNotBusy } from "~/db.server";
import { env } from "~/env.server";
import { queuedEmailWriter, unsubscribeHeaders } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { spendStamp, spendStampAlone, StampUsedError } from "~/petitions/abuse.server";
import { eraseEverythingOf } from "~/petitions/erasure.server";
import { addressHash, emailHash, encrypt, signerLinkToken, tokenHash } from "~/security/crypto.server";
import { timeOrderedId } from "~/security/random.server";
import { ConfirmFollowEmail, confirmFollowText } from "../../emails/confirm-follow";

const RESEND_CONFIRMATION_AFTER_MS = 60 * 60 * 1000;

export const FollowSchema = z.object({
  email: z.email("errors.email").trim().max(254),
});

/** The links in a follower's emails; the token is derived from the follower's id, only its hash is kept. */
export function followerLinks(appUrl: string, token: string, language?: string) {
  const lng = languageQuery(language);
  return {
    confirmUrl: `${appUrl}/f/${token}/confirm${lng}`,
    unsubscribeUrl: `${appUrl}/f/${token}/unsubscribe${lng}`,
    deleteDataUrl: `${appUrl}/f/${token}/delete${lng}`,
  };
}

/** A public case that can be followed: active, and without a live campaign (whose signers get its news). */
export function caseToFollow(slug: string) {
  return prisma.case.findFirst({
    where: { slug, status: "active", campaigns: { none: { status: "live" } } },
    select: { id: true, slug: true, title: true, organisationId: true },
  });
}

/** What went to the address (for tests and the log; the page says the same to everyone). */
export type FollowResult = { kind: "check-email"; emailed: "confirmation" | "nothing" } | { kind: "stamp-used" };

export async function followCase({
  found,
  email,
  clientAddress,
  appUrl,
  stamp,
  language = defaultLanguage,
}: {
  found: { id: string; title: string; organisationId: string };
  email: string;
  clientAddress: string | null;
  appUrl: string;
  stamp: string;
  /** The language of the page asked on: the confirmation and the case's news go in it. */
  language?: Language;
}): Promise<FollowResult> {
  const hash = emailHash(email);
  const existing = await prisma.caseFollower.findUnique({
    where: { caseId_emailHash: { caseId: found.id, emailHash: hash } },
    select: { id: true, status: true, confirmationSentAt: true },
  });
  const stopped = (await prisma.suppressedSupporter.count({ where: { emailHash: hash } })) > 0;
  const now = new Date();
  const emailedRecently = existing !== null && now.getTime() - existing.confirmationSentAt.getTime() < RESEND_CONFIRMATION_AFTER_MS;

  if (stopped || emailedRecently || existing?.status === "confirmed") {
    // Nothing to send (already following, stopped, or a link went out within the hour): the stamp is spent all the same.
    try {
      await spendStampAlone(stamp, now);
    } catch (error) {
      if (error instanceof StampUsedError) return { kind: "stamp-used" };
      throw error;
    }
    return { kind: "check-email", emailed: "nothing" };
  }

  const id = existing?.id ?? timeOrderedId("f");
  const token = signerLinkToken(id);
  const links = followerLinks(appUrl, token, language);
  const props = { caseTitle: found.title, ...links, language };
  const content = await renderEmail(ConfirmFollowEmail(props), { text: confirmFollowText(props) });
  const writeEmail = queuedEmailWriter(
    {
      id: `e${id}.${now.getTime()}`,
      dedupeKey: `confirm-follow:${id}:${now.getTime()}`,
      kind: "confirm-follow",
      to: email,
      subject: tFor(language)("email.confirmFollow.subject", { title: found.title }),
      ...content,
      organisationId: found.organisationId,
      subjectType: "case-follower",
      subjectId: id,
      sensitive: true,
      headers: unsubscribeHeaders(links.unsubscribeUrl),
      tags: [{ name: "kind", value: "confirm-follow" }],
    },
    now,
  );
  const emailEnc = encrypt(email);
  try {
    await hot().transaction(async (tx) => {
      await spendStamp(tx, stamp, now);
      if (existing) {
        await tx.run(`UPDATE "CaseFollower" SET "confirmationSentAt" = ?, "language" = ? WHERE "id" = ?`, now, language, id);
      } else {
        await tx.run(
          `INSERT INTO "CaseFollower" ("id", "caseId", "emailHash", "emailEnc", "status", "tokenHash", "confirmationSentAt", "addressHash", "language", "createdAt")
           VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
          id,
          found.id,
          hash,
          emailEnc,
          tokenHash(token),
          now,
          addressHash(clientAddress),
          language,
          now,
        );
      }
      await writeEmail(tx);
    });
  } catch (error) {
    if (error instanceof StampUsedError) return { kind: "stamp-used" };
    if (hot().isUniqueViolation(error)) return { kind: "check-email", emailed: "nothing" };
    throw error;
  }
  return { kind: "check-email", emailed: "confirmation" };
}

/** The follower behind a link, with what its pages say. */
export async function followerByToken(token: string) {
  const follower = await whenNotBusy(() =>
    prisma.caseFollower.findUnique({
      where: { tokenHash: tokenHash(token) },
      select: { id: true, status: true, unsubscribedAt: true, emailHash: true, case: { select: { slug: true, title: true } } },
    }),
  );
  if (!follower) return null;
  const stopped =
    follower.unsubscribedAt !== null ||
    (follower.emailHash !== null && (await prisma.suppressedSupporter.count({ where: { emailHash: follower.emailHash } })) > 0);
  return { ...follower, stopped };
}

/** Confirming twice is harmless. */
export async function confirmFollow(token: string): Promise<"confirmed" | "already-confirmed" | "not-found"> {
  return prisma.$transaction(async (tx) => {
    const follower = await tx.caseFollower.findUnique({ where: { tokenHash: tokenHash(token) }, select: { id: true } });
    if (!follower) return "not-found";
    const { count } = await tx.caseFollower.updateMany({
      where: { id: follower.id, status: "pending" },
      data: { status: "confirmed", confirmedAt: new Date() },
    });
    return count === 0 ? "already-confirmed" : "confirmed";
  });
}

/** Stops all email to this address, for every case and campaign (the same list as signers'). */
export async function stopFollowerEmail(token: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const follower = await tx.caseFollower.findUnique({ where: { tokenHash: tokenHash(token) }, select: { id: true, emailHash: true } });
    if (!follower) return false;
    const now = new Date();
    await tx.caseFollower.update({ where: { id: follower.id }, data: { unsubscribedAt: now } });
    if (follower.emailHash) {
      await tx.caseFollower.updateMany({ where: { emailHash: follower.emailHash }, data: { unsubscribedAt: now } });
      await tx.signature.updateMany({ where: { emailHash: follower.emailHash }, data: { wantsUpdates: false, unsubscribedAt: now } });
      await tx.suppressedSupporter.upsert({
        where: { emailHash: follower.emailHash },
        create: { emailHash: follower.emailHash },
        update: {},
      });
    }
    await tx.outboxEmail.updateMany({
      where: { subjectType: "case-follower", subjectId: follower.id, status: "queued" },
      data: { status: "suppressed", lastError: "The supporter asked for no more email." },
    });
    return true;
  });
}

/** "Delete my data" from a follower's link: everything kept for that address, as for signers. */
export async function eraseFollowerData(token: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const follower = await tx.caseFollower.findUnique({ where: { tokenHash: tokenHash(token) }, select: { id: true, emailHash: true } });
    if (!follower) return false;
    await eraseEverythingOf(tx, { emailHash: follower.emailHash, caseFollowerIds: [follower.id] });
    return true;
  });
}

/** Maintenance: a follow never confirmed goes after UNCONFIRMED_SIGNATURE_DAYS, with its emails. */
export async function purgeUnconfirmedFollowers(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - env().UNCONFIRMED_SIGNATURE_DAYS * 24 * 3600 * 1000);
  let deleted = 0;
  for (;;) {
    const count = await prisma.$transaction(async (tx) => {
      const stale = await tx.caseFollower.findMany({
        where: { status: "pending", createdAt: { lt: before } },
        select: { id: true },
        take: 500,
      });
      if (stale.length === 0) return 0;
      const ids = stale.map((f) => f.id);
      await tx.outboxEmail.deleteMany({ where: { subjectType: "case-follower", subjectId: { in: ids } } });
      return (await tx.caseFollower.deleteMany({ where: { id: { in: ids } } })).count;
    });
    if (count === 0) return deleted;
    deleted += count;
  }
}

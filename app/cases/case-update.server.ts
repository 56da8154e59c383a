// Case updates: a change in the people's situation, published on the case and campaign pages, and
// emailed (through the outbox, with one-click unsubscribe) to the signers who asked for updates and
// to the case's confirmed followers: the worker queues those emails in chunks after publishing.
import { defaultLanguage, isLanguage } from "~/i18n/config";
import crypto from "node:crypto";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma.server/client";
import { env } from "~/env.server";
import { enqueueEmail, unsubscribeHeaders } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { followerLinks } from "~/cases/follow.server";
import { signerLinks } from "~/petitions/signature.server";
import { decrypt, signerLinkToken } from "~/security/crypto.server";
import { CaseUpdateEmail, caseUpdateText } from "../../emails/case-update";
import { reportBackgroundError } from "~/background.server";

const FAN_OUT_CHUNK = 500;

/** The updates shown on the public pages, newest first: an unpublished one is left out. */
export function caseUpdates(caseId: string) {
  return prisma.caseUpdate.findMany({
    where: { caseId, hiddenAt: null },
    orderBy: { publishedAt: "desc" },
    take: 20,
    select: { id: true, title: true, body: true, publishedAt: true },
  });
}

/** Every update of a case for its organisers, with how far its emails went. */
export function caseUpdatesForOrganisers(caseId: string) {
  return prisma.caseUpdate.findMany({
    where: { caseId },
    orderBy: { publishedAt: "desc" },
    select: {
      id: true,
      title: true,
      body: true,
      publishedAt: true,
      editedAt: true,
      hiddenAt: true,
      emailSigners: true,
      emailedAt: true,
      emailedCount: true,
    },
  });
}

export function getCaseUpdate(caseId: string, updateId: string) {
  return prisma.caseUpdate.findFirst({
    where: { id: updateId, caseId },
    select: {
      id: true,
      title: true,
      body: true,
      publishedAt: true,
      hiddenAt: true,
      emailSigners: true,
      emailedAt: true,
      emailedCount: true,
    },
  });
}

/** A fresh key for one showing of the publish form (see CaseUpdate.idempotencyKey). */
export function newPublishKey(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/**
 * Who receives a case update by email: the people who signed one of the case's petitions, confirmed,
 * asked for news, and neither stopped email nor had their data erased. Counting and fan-out both read
 * it here, so anyone else who should hear of a case (followers) is added in this one place.
 */
function audienceOf(caseId: string) {
  return {
    campaign: { caseId },
    status: "confirmed",
    wantsUpdates: true,
    unsubscribedAt: null,
    erasedAt: null,
    emailHash: { not: null },
    emailEnc: { not: null },
  } satisfies Prisma.SignatureWhereInput;
}

/**
 * How many people an update of this case would be emailed to now: its signers who asked for news and
 * its followers, each email address once, without the addresses that asked for no email at all.
 */
export async function countCaseUpdateAudience(caseId: string): Promise<number> {
  const [signers, followers] = await Promise.all([
    prisma.signature.groupBy({ by: ["emailHash"], where: audienceOf(caseId) }),
    prisma.caseFollower.findMany({ where: { caseId, status: "confirmed", unsubscribedAt: null }, select: { emailHash: true } }),
  ]);
  // A follower who also signed gets the update once (the fan-out dedupes by address too).
  const hashes = [...new Set([...signers, ...followers].flatMap((p) => (p.emailHash ? [p.emailHash] : [])))];
  let suppressed = 0;
  // In chunks: SQLite limits how many values one statement may carry.
  for (let i = 0; i < hashes.length; i += 5000) {
    suppressed += await prisma.suppressedSupporter.count({ where: { emailHash: { in: hashes.slice(i, i + 5000) } } });
  }
  return hashes.length - suppressed;
}

export type PublishResult = { id: string; emailing: boolean; duplicate: boolean } | null;

/**
 * Publishes the update. When asked, the signers who want news get it by email: the worker queues
 * those emails in chunks (fanOutNextChunk), so publishing is quick whatever the number of signers,
 * and a fan-out cut short by a restart resumes where it stopped. The same form sent twice (its
 * idempotency key) publishes once: the second answer is the update the first one made.
 */
export async function publishCaseUpdate({
  caseId,
  organisationId,
  title,
  body,
  statusChangeId,
  createdById,
  emailSigners,
  appUrl,
  idempotencyKey,
}: {
  caseId: string;
  organisationId: string;
  title: string;
  body: string;
  statusChangeId: string | null;
  createdById: string;
  emailSigners: boolean;
  appUrl: string;
  /** The publish form's key; without one (scripts, the demo data) nothing is checked. */
  idempotencyKey?: string;
}): Promise<PublishResult> {
  const found = await prisma.case.findFirst({ where: { id: caseId, organisationId }, select: { id: true } });
  if (!found) return null;
  const existing = async () => {
    if (!idempotencyKey) return null;
    const update = await prisma.caseUpdate.findUnique({
      where: { idempotencyKey },
      select: { id: true, caseId: true, emailSigners: true },
    });
    // A key is this case's or nobody's: another case's update is never revealed.
    return update && update.caseId === caseId ? { id: update.id, emailing: update.emailSigners, duplicate: true } : null;
  };
  const before = await existing();
  if (before) return before;
  try {
    const update = await prisma.caseUpdate.create({
      data: {
        caseId,
        title,
        body,
        statusChangeId,
        createdById,
        emailSigners,
        linkBase: emailSigners ? appUrl : null,
        idempotencyKey: idempotencyKey ?? null,
      },
      select: { id: true },
    });
    return { id: update.id, emailing: emailSigners, duplicate: false };
  } catch (error) {
    // The same form sent twice at once: the unique key lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return existing();
    throw error;
  }
}

/** Corrects an update's words on the pages; emails already queued keep the words they had. */
export async function editCaseUpdate(caseId: string, updateId: string, data: { title: string; body: string }) {
  const { count } = await prisma.caseUpdate.updateMany({ where: { id: updateId, caseId }, data: { ...data, editedAt: new Date() } });
  return count === 1;
}

/** Takes an update off the public pages (or puts it back); emails not yet queued are not sent. */
export async function setCaseUpdateHidden(caseId: string, updateId: string, hidden: boolean) {
  const { count } = await prisma.caseUpdate.updateMany({ where: { id: updateId, caseId }, data: { hiddenAt: hidden ? new Date() : null } });
  return count === 1;
}

/** Deletes an update; emails already queued for it still go out (they are the outbox's). */
export async function deleteCaseUpdate(caseId: string, updateId: string) {
  const { count } = await prisma.caseUpdate.deleteMany({ where: { id: updateId, caseId } });
  return count === 1;
}

/**
 * Queues the next chunk of one waiting update's emails: one per person who wants news on this
 * case (once, even if they signed several of its petitions and follow it too: the email's key is
 * the update and the person's email hash), never to the unsubscribed or suppressed. Signers come
 * first, then the case's confirmed followers. The chunk's emails and the cursor move in one
 * transaction. Returns null when no update waits.
 */
export async function fanOutNextChunk(chunk = FAN_OUT_CHUNK): Promise<{ updateId: string; queued: number; done: boolean } | null> {
  const update = await prisma.caseUpdate.findFirst({
    where: { emailSigners: true, emailedAt: null, hiddenAt: null },
    orderBy: { publishedAt: "asc" },
    select: {
      id: true,
      title: true,
      body: true,
      linkBase: true,
      fanOutCursor: true,
      signersDoneAt: true,
      followerCursor: true,
      case: { select: { id: true, title: true, slug: true, organisationId: true } },
    },
  });
  if (!update) return null;
  const followers = update.signersDoneAt !== null;
  const recipients = followers
    ? await prisma.caseFollower.findMany({
        where: {
          caseId: update.case.id,
          status: "confirmed",
          unsubscribedAt: null,
          ...(update.followerCursor ? { id: { gt: update.followerCursor } } : {}),
        },
        orderBy: { id: "asc" },
        take: chunk,
        select: { id: true, emailHash: true, emailEnc: true, language: true },
      })
    : await prisma.signature.findMany({
        where: {
          ...audienceOf(update.case.id),
          ...(update.fanOutCursor ? { id: { gt: update.fanOutCursor } } : {}),
        },
        orderBy: { id: "asc" },
        take: chunk,
        select: { id: true, emailHash: true, emailEnc: true, language: true },
      });
  const hashes = recipients.flatMap((s) => (s.emailHash ? [s.emailHash] : []));
  const suppressed = new Set(
    (await prisma.suppressedSupporter.findMany({ where: { emailHash: { in: hashes } }, select: { emailHash: true } })).map(
      (s) => s.emailHash,
    ),
  );
  const appUrl = update.linkBase ?? env().APP_URL ?? "";
  const emails: Array<{
    subjectId: string;
    emailHash: string;
    to: string;
    unsubscribeUrl: string;
    content: { html: string; text: string };
  }> = [];
  for (const s of recipients) {
    if (!s.emailHash || !s.emailEnc || suppressed.has(s.emailHash)) continue;
    const token = signerLinkToken(s.id);
    const language = isLanguage(s.language) ? s.language : defaultLanguage;
    const links = followers ? followerLinks(appUrl, token, language) : signerLinks(appUrl, token, language);
    const props = {
      caseTitle: update.case.title,
      title: update.title,
      body: update.body,
      caseUrl: `${appUrl}/cases/${update.case.slug}`,
      unsubscribeUrl: links.unsubscribeUrl,
      deleteDataUrl: links.deleteDataUrl,
      followed: followers,
      language,
    };
    emails.push({
      subjectId: s.id,
      emailHash: s.emailHash,
      to: decrypt(s.emailEnc),
      unsubscribeUrl: links.unsubscribeUrl,
      content: await renderEmail(CaseUpdateEmail(props), { text: caseUpdateText(props) }),
    });
  }
  const phaseDone = recipients.length < chunk;
  const done = followers && phaseDone;
  const queued = await prisma.$transaction(async (tx) => {
    let created = 0;
    for (const e of emails) {
      const queuedEmail = await enqueueEmail(tx, {
        dedupeKey: `case-update:${update.id}:${e.emailHash}`,
        kind: "case-update",
        to: e.to,
        subject: `${update.title} — ${update.case.title}`,
        ...e.content,
        organisationId: update.case.organisationId,
        subjectType: followers ? "case-follower" : "signature",
        subjectId: e.subjectId,
        sensitive: true,
        headers: unsubscribeHeaders(e.unsubscribeUrl),
        tags: [{ name: "kind", value: "case-update" }],
      });
      if (queuedEmail.created) created++;
    }
    const lastId = recipients.at(-1)?.id;
    await tx.caseUpdate.update({
      where: { id: update.id },
      data: {
        ...(followers
          ? { followerCursor: lastId ?? update.followerCursor }
          : { fanOutCursor: lastId ?? update.fanOutCursor, ...(phaseDone ? { signersDoneAt: new Date() } : {}) }),
        emailedCount: { increment: created },
        ...(done ? { emailedAt: new Date() } : {}),
      },
    });
    return created;
  });
  return { updateId: update.id, queued, done };
}

/** Works through every waiting update now (the worker's loop, and tests). */
export async function fanOutCaseUpdates(chunk = FAN_OUT_CHUNK): Promise<number> {
  let queued = 0;
  for (let step = await fanOutNextChunk(chunk); step; step = await fanOutNextChunk(chunk)) queued += step.queued;
  return queued;
}

/** The worker's loop: looks for waiting updates every few seconds until stopped. */
export function startCaseUpdateFanOut(pollMs = 2000) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    await fanOutCaseUpdates().catch((error: unknown) =>
      reportBackgroundError("case updates", "queuing a case update's emails to subscribers", error),
    );
    if (!stopped) timer = setTimeout(() => void tick(), pollMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

// Case updates: a change in the people's situation, published on the case and campaign pages, and
// emailed (through the outbox, with one-click unsubscribe) to the signers who asked for updates and
// to the case's confirmed followers: the worker queues those emails in chunks after publishing.
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { enqueueEmail, unsubscribeHeaders } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { followerLinks } from "~/cases/follow.server";
import { signerLinks } from "~/petitions/signature.server";
import { decrypt, signerLinkToken } from "~/security/crypto.server";
import { CaseUpdateEmail, caseUpdateText } from "../../emails/case-update";
import { reportBackgroundError } from "~/background.server";

const FAN_OUT_CHUNK = 500;

export function caseUpdates(caseId: string) {
  return prisma.caseUpdate.findMany({
    where: { caseId },
    orderBy: { publishedAt: "desc" },
    take: 20,
    select: { id: true, title: true, body: true, publishedAt: true },
  });
}

/**
 * Publishes the update. When asked, the signers who want news get it by email: the worker queues
 * those emails in chunks (fanOutNextChunk), so publishing is quick whatever the number of signers,
 * and a fan-out cut short by a restart resumes where it stopped.
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
}: {
  caseId: string;
  organisationId: string;
  title: string;
  body: string;
  statusChangeId: string | null;
  createdById: string;
  emailSigners: boolean;
  appUrl: string;
}): Promise<{ id: string; emailing: boolean } | null> {
  const found = await prisma.case.findFirst({ where: { id: caseId, organisationId }, select: { id: true } });
  if (!found) return null;
  const update = await prisma.caseUpdate.create({
    data: { caseId, title, body, statusChangeId, createdById, emailSigners, linkBase: emailSigners ? appUrl : null },
    select: { id: true },
  });
  return { id: update.id, emailing: emailSigners };
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
    where: { emailSigners: true, emailedAt: null },
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
        select: { id: true, emailHash: true, emailEnc: true },
      })
    : await prisma.signature.findMany({
        where: {
          campaign: { caseId: update.case.id },
          status: "confirmed",
          wantsUpdates: true,
          unsubscribedAt: null,
          erasedAt: null,
          ...(update.fanOutCursor ? { id: { gt: update.fanOutCursor } } : {}),
        },
        orderBy: { id: "asc" },
        take: chunk,
        select: { id: true, emailHash: true, emailEnc: true },
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
    const links = followers ? followerLinks(appUrl, token) : signerLinks(appUrl, token);
    const props = {
      caseTitle: update.case.title,
      title: update.title,
      body: update.body,
      caseUrl: `${appUrl}/cases/${update.case.slug}`,
      unsubscribeUrl: links.unsubscribeUrl,
      deleteDataUrl: links.deleteDataUrl,
      followed: followers,
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

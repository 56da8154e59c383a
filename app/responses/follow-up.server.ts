// Letters that got no answer: listed after FOLLOW_UP_AFTER_DAYS, and a follow-up that refers to the
// first letter and its date, sent through the outbox to the same target with the same reply-to.
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import type { Prisma } from "~/generated/prisma.server/client";
import { replyAddress, senderKeyOf } from "~/letters/letter.server";
import { enqueueEmail, mailFromAs } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { formatPartialDate } from "~/ui/format";
import { LetterEmail, letterText } from "../../emails/letter";

const day = 24 * 3600 * 1000;

/** Sent letters with no answer after FOLLOW_UP_AFTER_DAYS, nor a follow-up in that time. */
export function awaitingAnswerWhere(now: Date) {
  const before = new Date(now.getTime() - env().FOLLOW_UP_AFTER_DAYS * day);
  return {
    status: "sent",
    sentAt: { lt: before },
    responses: { none: {} },
    OR: [{ lastFollowUpAt: null }, { lastFollowUpAt: { lt: before } }],
  } satisfies Prisma.LetterWhereInput;
}

export function lettersAwaitingAnswer({
  campaignId,
  organisationId,
  sectionId,
  now = new Date(),
}: {
  campaignId: string;
  organisationId: string;
  sectionId: string | null;
  now?: Date;
}) {
  return prisma.letter.findMany({
    where: { campaignId, organisationId, senderKey: senderKeyOf(sectionId), ...awaitingAnswerWhere(now) },
    orderBy: { sentAt: "asc" },
    select: { id: true, recipientName: true, recipientEmail: true, subject: true, sentAt: true, followUpCount: true, lastFollowUpAt: true },
  });
}

/** The follow-up's text: it names the first letter and its date, then quotes it. */
export function followUpBody(letter: { body: string; sentAt: Date | null; subject: string }, caseTitle: string): string {
  const salutation = letter.body.split("\n")[0]?.trim() || "Dear Sir or Madam,";
  const date = letter.sentAt ? formatPartialDate(letter.sentAt.toISOString().slice(0, 10)) : "recently";
  return [
    salutation,
    "",
    `On ${date} we wrote to you about ${caseTitle} (“${letter.subject}”). We have not yet received an answer, and the people concerned are still waiting for one.`,
    "",
    "We would be grateful if you could reply, and tell us what steps you have taken or intend to take. Our first letter follows for your convenience.",
    "",
    `— Our letter of ${date} —`,
    "",
    letter.body,
  ].join("\n");
}

export async function sendFollowUp({
  letterId,
  organisationId,
  appUrl,
}: {
  letterId: string;
  organisationId: string;
  appUrl: string;
}): Promise<boolean> {
  const letter = await prisma.letter.findFirst({
    where: { id: letterId, organisationId, status: "sent" },
    include: { campaign: { select: { case: { select: { title: true, slug: true } } } } },
  });
  if (!letter?.recipientEmail) return false;
  const body = followUpBody(letter, letter.campaign.case.title);
  const props = {
    senderName: letter.senderName,
    date: formatPartialDate(new Date().toISOString().slice(0, 10)),
    recipientName: letter.recipientName,
    recipientAddress: letter.recipientAddress,
    body,
    signatories: letter.signatories.split("\n").filter(Boolean),
    caseTitle: letter.campaign.case.title,
    caseUrl: `${appUrl}/cases/${letter.campaign.case.slug}`,
  };
  const email = await renderEmail(LetterEmail(props), { text: letterText(props) });
  const number = letter.followUpCount + 1;
  await prisma.$transaction(async (tx) => {
    await enqueueEmail(tx, {
      dedupeKey: `letter-follow-up:${letter.id}:${number}`,
      kind: "letter-follow-up",
      to: letter.recipientEmail ?? "",
      from: mailFromAs(letter.senderName),
      replyTo: replyAddress(letter.replyToken),
      subject: `Follow-up: ${letter.subject}`,
      ...email,
      organisationId,
      subjectType: "letter",
      subjectId: letter.id,
      tags: [{ name: "kind", value: "letter-follow-up" }],
    });
    await tx.letter.update({ where: { id: letter.id }, data: { followUpCount: number, lastFollowUpAt: new Date() } });
  });
  return true;
}

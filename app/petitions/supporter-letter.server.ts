// A supporter's own letter: the campaign's template filled with their name and city, for the
// targets of their country; sent through the outbox (reply-to them) once they confirm from their
// inbox that they wrote it, or opened in their mail program.
import { prisma } from "~/db.server";
import { listCampaignTargets } from "~/campaigns/campaign.server";
import { chooseTemplate } from "~/letters/letter.server";
import { letterContext, loadCaseVariables, type Sender } from "~/letters/letter-context.server";
import { parseTemplate, renderTemplate } from "~/letters/template.server";
import { enqueueEmail, mailFromAs, unsubscribeHeaders } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { countSupporterLetter, signerLinks } from "~/petitions/signature.server";
import { formatPartialDate, todayIso } from "~/ui/format";
import { decrypt, decryptOptional, emailHash, encrypt, encryptOptional, signerLinkToken, tokenHash } from "~/security/crypto.server";
import { pooledRandomBytes } from "~/security/random.server";
import { ConfirmSupporterLetterEmail, confirmSupporterLetterText } from "../../emails/confirm-supporter-letter";
import { LetterEmail, letterText } from "../../emails/letter";

/** A live campaign that supporters may write for: what drafting and sending their letters need. */
export async function campaignForWriting(slug: string) {
  return prisma.campaign.findFirst({
    where: { slug, status: "live", case: { status: { not: "draft" } } },
    select: {
      id: true,
      slug: true,
      organisationId: true,
      title: true,
      targetKinds: true,
      targetCountries: true,
      targetTags: true,
      case: { select: { title: true, slug: true } },
    },
  });
}

interface CampaignForLetters {
  id: string;
  organisationId: string;
  title: string;
  targetKinds: string;
  targetCountries: string;
  targetTags: string;
  case: { title: string; slug: string };
}

export interface SupporterDraft {
  targetId: string;
  targetName: string;
  targetKind: string;
  email: string | null;
  subject: string;
  body: string;
}

function supporterSender(name: string, city: string | null, country: string, organisation: string): Sender {
  return { sectionId: null, name, city: city ?? "", country, organisation, signatories: [name] };
}

/** One letter per target of the supporter's country, from the campaign's templates. */
export async function draftSupporterLetters({
  campaign,
  country,
  name,
  city,
  appUrl,
}: {
  campaign: CampaignForLetters;
  country: string;
  name: string;
  city: string | null;
  appUrl: string;
}): Promise<SupporterDraft[]> {
  const [targets, templates, organisation] = await Promise.all([
    listCampaignTargets(campaign, country, 50),
    prisma.letterTemplate.findMany({ where: { campaignId: campaign.id } }),
    prisma.organisation.findUniqueOrThrow({ where: { id: campaign.organisationId }, select: { name: true } }),
  ]);
  const caseVariables = await loadCaseVariables(campaign.id, appUrl);
  const sender = supporterSender(name, city, country, organisation.name);
  const date = formatPartialDate(todayIso());
  const drafts: SupporterDraft[] = [];
  for (const target of targets) {
    const template = chooseTemplate(templates, target);
    if (!template) continue;
    const subject = parseTemplate(template.subject);
    const body = parseTemplate(template.body);
    if (!subject.ok || !body.ok) continue;
    const context = letterContext(caseVariables, target, sender, date);
    const s = renderTemplate(subject.template, context);
    const b = renderTemplate(body.template, context);
    if (!s.ok || !b.ok) continue;
    drafts.push({
      targetId: target.id,
      targetName: target.name,
      targetKind: target.kind,
      email: target.email,
      subject: s.text.trim(),
      body: b.text.trim(),
    });
  }
  return drafts;
}

/** The targets a supporter may write to: the campaign's, for their country. Anything else is refused. */
export async function allowedTarget(campaign: CampaignForLetters, country: string, targetId: string) {
  const targets = await listCampaignTargets(campaign, country);
  return targets.find((t) => t.id === targetId) ?? null;
}

interface TargetForLetter {
  id: string;
  name: string;
  email: string | null;
  postalAddress: string | null;
  body: string | null;
}

/** The links of a signer's emails, with "read and send" in place of "confirm". */
function supporterLetterLinks(appUrl: string, token: string) {
  const { unsubscribeUrl, deleteDataUrl } = signerLinks(appUrl, token);
  return { sendUrl: `${appUrl}/s/${token}/send`, unsubscribeUrl, deleteDataUrl };
}

/** "check-email" whatever the address's state: a stopped address or one asked within the hour gets nothing. */
export type LetterRequest = "check-email" | "no-email";

/**
 * Keeps the supporter's letter, encrypted, and emails them a link to confirm that they wrote it.
 * Only then does it go (sendConfirmedSupporterLetter): the app sends from its own address with
 * replies to theirs, so an unconfirmed address must never be able to send in that person's name.
 */
export async function requestSupporterLetter({
  campaign,
  target,
  supporter,
  subject,
  body,
  appUrl,
}: {
  campaign: CampaignForLetters;
  target: TargetForLetter;
  supporter: { name: string; email: string; city: string | null };
  subject: string;
  body: string;
  appUrl: string;
}): Promise<LetterRequest> {
  if (!target.email) return "no-email";
  const hash = emailHash(supporter.email);
  if (await prisma.suppressedSupporter.findUnique({ where: { emailHash: hash } })) return "check-email";
  // At most one confirmation an hour per address and target: a stranger cannot fill someone's inbox.
  const recent = await prisma.supporterLetter.findFirst({
    where: { emailHash: hash, targetId: target.id, sentAt: null, createdAt: { gt: new Date(Date.now() - 3600_000) } },
    select: { id: true },
  });
  if (recent) return "check-email";
  const id = `w${pooledRandomBytes(12).toString("base64url")}`;
  const token = signerLinkToken(id);
  const links = supporterLetterLinks(appUrl, token);
  const props = { campaignTitle: campaign.title, targetName: target.name, ...links };
  const email = await renderEmail(ConfirmSupporterLetterEmail(props), { text: confirmSupporterLetterText(props) });
  await prisma.$transaction(async (tx) => {
    await tx.supporterLetter.create({
      data: {
        id,
        campaignId: campaign.id,
        targetId: target.id,
        emailHash: hash,
        nameEnc: encrypt(supporter.name),
        emailEnc: encrypt(supporter.email),
        cityEnc: encryptOptional(supporter.city),
        subjectEnc: encrypt(subject),
        bodyEnc: encrypt(body),
        tokenHash: tokenHash(token),
      },
    });
    await enqueueEmail(tx, {
      dedupeKey: `confirm-supporter-letter:${id}`,
      kind: "confirm-supporter-letter",
      to: supporter.email,
      subject: `Send your letter to ${target.name}?`,
      ...email,
      organisationId: campaign.organisationId,
      subjectType: "supporter-letter",
      subjectId: id,
      sensitive: true,
      headers: unsubscribeHeaders(links.unsubscribeUrl),
      tags: [{ name: "kind", value: "confirm-supporter-letter" }],
    });
  });
  return "check-email";
}

/** The letter behind a confirmation link, readable for the page that asks "send it?". */
export async function supporterLetterByToken(token: string) {
  const letter = await prisma.supporterLetter.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      sentAt: true,
      subjectEnc: true,
      bodyEnc: true,
      campaign: { select: { slug: true, title: true } },
      target: { select: { name: true } },
    },
  });
  if (!letter) return null;
  return {
    id: letter.id,
    sent: letter.sentAt !== null,
    campaign: letter.campaign,
    targetName: letter.target.name,
    subject: decryptOptional(letter.subjectEnc),
    body: decryptOptional(letter.bodyEnc),
  };
}

/**
 * The supporter confirmed: the letter goes through the outbox from the app's address, replies to
 * them, and the campaign counts it. Its personal data leaves the row (the outbox keeps the
 * encrypted email until it is purged). Pressing the button twice sends it once.
 */
export async function sendConfirmedSupporterLetter(
  token: string,
  appUrl: string,
): Promise<"sent" | "already-sent" | "not-found" | "no-email"> {
  const letter = await prisma.supporterLetter.findUnique({
    where: { tokenHash: tokenHash(token) },
    include: {
      campaign: { select: { id: true, organisationId: true, case: { select: { title: true, slug: true } } } },
      target: { select: { id: true, name: true, email: true, postalAddress: true, body: true } },
    },
  });
  if (!letter) return "not-found";
  if (letter.sentAt || !letter.nameEnc || !letter.emailEnc || !letter.subjectEnc || !letter.bodyEnc) return "already-sent";
  if (!letter.target.email) return "no-email";
  const name = decrypt(letter.nameEnc);
  const city = decryptOptional(letter.cityEnc);
  const props = {
    senderName: name,
    date: formatPartialDate(todayIso()),
    recipientName: letter.target.name,
    recipientAddress: [letter.target.body, letter.target.postalAddress].filter(Boolean).join("\n") || null,
    body: decrypt(letter.bodyEnc),
    signatories: [city ? `${name}, ${city}` : name],
    caseTitle: letter.campaign.case.title,
    caseUrl: `${appUrl}/cases/${letter.campaign.case.slug}`,
  };
  const email = await renderEmail(LetterEmail(props), { text: letterText(props) });
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.supporterLetter.updateMany({
      where: { id: letter.id, sentAt: null },
      data: { sentAt: new Date(), nameEnc: null, emailEnc: null, cityEnc: null, subjectEnc: null, bodyEnc: null },
    });
    if (count === 0) return "already-sent" as const;
    await enqueueEmail(tx, {
      dedupeKey: `supporter-letter:${letter.id}`,
      kind: "supporter-letter",
      to: letter.target.email ?? "",
      from: mailFromAs(name),
      replyTo: decrypt(letter.emailEnc!),
      subject: decrypt(letter.subjectEnc!),
      ...email,
      organisationId: letter.campaign.organisationId,
      subjectType: "supporter-letter",
      subjectId: letter.id,
      // The supporter's name and address are in it: stored encrypted like a signature.
      sensitive: true,
      tags: [{ name: "kind", value: "supporter-letter" }],
    });
    await tx.campaign.update({ where: { id: letter.campaign.id }, data: { supporterLettersSent: { increment: 1 } } });
    return "sent" as const;
  });
}

export { countSupporterLetter };

// A supporter's own letters: the campaign's templates filled with their name and city, for the
// targets of their country; all sent through the outbox (each its own email, reply-to them) once
// they confirm from their inbox, with one link, that they wrote them; or opened in their mail program.
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
import { MAX_LETTER_LENGTH, MAX_LETTERS_PER_CONFIRMATION } from "~/petitions/supporter-letter-limits";
import {
  ConfirmSupporterLetterEmail,
  confirmSupporterLetterSubject,
  confirmSupporterLetterText,
} from "../../emails/confirm-supporter-letter";
import type { Language } from "~/i18n/config";
import { languageQuery } from "~/petitions/signer-links";
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
  /** The language the letter is written in (its template's). */
  language: string;
  subject: string;
  body: string;
}

function supporterSender(name: string, city: string | null, country: string, organisation: string): Sender {
  return { sectionId: null, name, city: city ?? "", country, organisation, signatories: [name], supporter: true };
}

/** Confirmation emails an address gets per hour, at most, whatever a stranger types. */
export const CONFIRMATIONS_PER_ADDRESS_PER_HOUR = 3;

/** One letter per target of the supporter's country, from the campaign's templates. */
export async function draftSupporterLetters({
  campaign,
  country,
  name,
  city,
  appUrl,
  language = null,
}: {
  campaign: CampaignForLetters;
  country: string;
  name: string;
  city: string | null;
  appUrl: string;
  /** The supporter's own language: their letter goes in it to a target that reads it. */
  language?: string | null;
}): Promise<SupporterDraft[]> {
  const [targets, templates, organisation] = await Promise.all([
    listCampaignTargets(campaign, country, MAX_LETTERS_PER_CONFIRMATION),
    prisma.letterTemplate.findMany({ where: { campaignId: campaign.id } }),
    prisma.organisation.findUniqueOrThrow({ where: { id: campaign.organisationId }, select: { name: true } }),
  ]);
  const caseVariables = await loadCaseVariables(campaign.id, appUrl);
  const sender = supporterSender(name, city, country, organisation.name);
  const date = formatPartialDate(todayIso());
  const drafts: SupporterDraft[] = [];
  for (const target of targets) {
    const template = chooseTemplate(templates, target, language);
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
      language: template.language,
      subject: s.text.trim(),
      body: b.text.trim().slice(0, MAX_LETTER_LENGTH),
    });
  }
  return drafts;
}

/** The targets a supporter may write to, of those asked for: the campaign's, for their country. Anything else is left out. */
export async function allowedTargets(campaign: CampaignForLetters, country: string, targetIds: string[]) {
  const wanted = new Set(targetIds);
  const targets = await listCampaignTargets(campaign, country, MAX_LETTERS_PER_CONFIRMATION);
  return targets.filter((t) => wanted.has(t.id));
}

interface TargetForLetter {
  id: string;
  name: string;
  email: string | null;
}

/** The links of a signer's emails, with "read and send" in place of "confirm". */
function supporterLetterLinks(appUrl: string, token: string, language?: Language) {
  const { unsubscribeUrl, deleteDataUrl } = signerLinks(appUrl, token, language);
  return { sendUrl: `${appUrl}/s/${token}/send${languageQuery(language)}`, unsubscribeUrl, deleteDataUrl };
}

export interface SupporterLetterInput {
  target: TargetForLetter;
  subject: string;
  body: string;
}

/**
 * Keeps the supporter's letters, encrypted, and emails them one link to confirm that they wrote
 * them. Only then do they go (sendConfirmedSupporterLetters): the app sends from its own address
 * with replies to theirs, so an unconfirmed address must never be able to send in that person's
 * name. The answer is the same whatever the address's state: a stopped address, or one that has
 * had its confirmations this hour, gets nothing, and a target already waiting for that address's
 * confirmation is not asked for again.
 */
export async function requestSupporterLetters({
  campaign,
  letters,
  supporter,
  appUrl,
  language = "en",
}: {
  campaign: CampaignForLetters;
  letters: SupporterLetterInput[];
  supporter: { name: string; email: string; city: string | null };
  appUrl: string;
  /** The language of the write page: the confirmation email and its page go in it. */
  language?: Language;
}): Promise<"check-email"> {
  const hash = emailHash(supporter.email);
  if (await prisma.suppressedSupporter.findUnique({ where: { emailHash: hash } })) return "check-email";
  const hourAgo = new Date(Date.now() - 3600_000);
  const waiting = await prisma.supporterLetter.findMany({
    where: { emailHash: hash, createdAt: { gt: hourAgo } },
    select: { targetId: true, tokenHash: true, sentAt: true },
  });
  // A stranger cannot fill someone's inbox: a few confirmations an hour, each target once.
  if (new Set(waiting.map((l) => l.tokenHash)).size >= CONFIRMATIONS_PER_ADDRESS_PER_HOUR) return "check-email";
  const pending = new Set(waiting.filter((l) => l.sentAt === null).map((l) => l.targetId));
  const fresh = letters
    .filter((l) => l.target.email && !pending.has(l.target.id))
    .filter((l, i, all) => all.findIndex((m) => m.target.id === l.target.id) === i)
    .slice(0, MAX_LETTERS_PER_CONFIRMATION);
  const first = fresh[0];
  if (!first) return "check-email";

  const ids = fresh.map(() => `w${pooledRandomBytes(12).toString("base64url")}`);
  const leadId = ids[0]!;
  const token = signerLinkToken(leadId);
  const links = supporterLetterLinks(appUrl, token, language);
  const targetNames = fresh.map((l) => l.target.name);
  const props = { campaignTitle: campaign.title, targetNames, ...links, language };
  const email = await renderEmail(ConfirmSupporterLetterEmail(props), { text: confirmSupporterLetterText(props) });
  const [nameEnc, emailEnc, cityEnc, tokenHashed] = [
    encrypt(supporter.name),
    encrypt(supporter.email),
    encryptOptional(supporter.city),
    tokenHash(token),
  ];
  await prisma.$transaction(async (tx) => {
    await tx.supporterLetter.createMany({
      data: fresh.map((letter, i) => ({
        id: ids[i]!,
        campaignId: campaign.id,
        targetId: letter.target.id,
        emailHash: hash,
        nameEnc,
        emailEnc,
        cityEnc,
        subjectEnc: encrypt(letter.subject),
        bodyEnc: encrypt(letter.body),
        tokenHash: tokenHashed,
      })),
    });
    await enqueueEmail(tx, {
      dedupeKey: `confirm-supporter-letter:${leadId}`,
      kind: "confirm-supporter-letter",
      to: supporter.email,
      subject: confirmSupporterLetterSubject(targetNames, language),
      ...email,
      organisationId: campaign.organisationId,
      subjectType: "supporter-letter",
      subjectId: leadId,
      sensitive: true,
      headers: unsubscribeHeaders(links.unsubscribeUrl),
      tags: [{ name: "kind", value: "confirm-supporter-letter" }],
    });
  });
  return "check-email";
}

/** The letters behind a confirmation link, readable for the page that asks "send them?". */
export async function supporterLettersByToken(token: string) {
  const letters = await prisma.supporterLetter.findMany({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      sentAt: true,
      subjectEnc: true,
      bodyEnc: true,
      campaign: { select: { slug: true, title: true } },
      target: { select: { name: true } },
    },
    orderBy: { id: "asc" },
  });
  const first = letters[0];
  if (!first) return null;
  return {
    campaign: first.campaign,
    letters: letters.map((l) => ({
      id: l.id,
      sent: l.sentAt !== null,
      targetName: l.target.name,
      subject: decryptOptional(l.subjectEnc),
      body: decryptOptional(l.bodyEnc),
    })),
  };
}

export interface SendOutcome {
  outcome: "sent" | "already-sent" | "not-found";
  /** Letters that went with this press of the button. */
  sent: number;
  /** Targets whose email address was removed since: their letter cannot go by email. */
  withoutEmail: string[];
}

/**
 * The supporter confirmed: each letter goes through the outbox as its own email from the app's
 * address to its target, replies to them, and the campaign counts it. Their personal data leaves
 * the rows (the outbox keeps the encrypted emails until they are purged). Pressing the button
 * twice sends each once: a letter is marked sent in the transaction that queues it.
 */
export async function sendConfirmedSupporterLetters(token: string, appUrl: string): Promise<SendOutcome> {
  const letters = await prisma.supporterLetter.findMany({
    where: { tokenHash: tokenHash(token) },
    include: {
      campaign: { select: { id: true, organisationId: true, case: { select: { title: true, slug: true } } } },
      target: { select: { id: true, name: true, email: true, postalAddress: true, body: true } },
    },
    orderBy: { id: "asc" },
  });
  if (letters.length === 0) return { outcome: "not-found", sent: 0, withoutEmail: [] };
  let sent = 0;
  const withoutEmail: string[] = [];
  for (const letter of letters) {
    if (letter.sentAt || !letter.nameEnc || !letter.emailEnc || !letter.subjectEnc || !letter.bodyEnc) continue;
    const to = letter.target.email;
    if (!to) {
      withoutEmail.push(letter.target.name);
      continue;
    }
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
    const replyTo = decrypt(letter.emailEnc);
    const subject = decrypt(letter.subjectEnc);
    // One short transaction per letter (at most MAX_LETTERS_PER_CONFIRMATION): rendering stays outside.
    const went = await prisma.$transaction(async (tx) => {
      const { count } = await tx.supporterLetter.updateMany({
        where: { id: letter.id, sentAt: null },
        data: { sentAt: new Date(), nameEnc: null, emailEnc: null, cityEnc: null, subjectEnc: null, bodyEnc: null },
      });
      if (count === 0) return false;
      await enqueueEmail(tx, {
        dedupeKey: `supporter-letter:${letter.id}`,
        kind: "supporter-letter",
        to,
        from: mailFromAs(name),
        replyTo,
        subject,
        ...email,
        organisationId: letter.campaign.organisationId,
        subjectType: "supporter-letter",
        subjectId: letter.id,
        // The supporter's name and address are in it: stored encrypted like a signature.
        sensitive: true,
        tags: [{ name: "kind", value: "supporter-letter" }],
      });
      await tx.campaign.update({ where: { id: letter.campaign.id }, data: { supporterLettersSent: { increment: 1 } } });
      return true;
    });
    if (went) sent++;
  }
  return { outcome: sent > 0 ? "sent" : "already-sent", sent, withoutEmail };
}

export { countSupporterLetter };

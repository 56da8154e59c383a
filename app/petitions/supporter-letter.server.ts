// A supporter's own letter: the campaign's template filled with their name and city, for the
// targets of their country; sent through the outbox (reply-to them) or opened in their mail program.
import { prisma } from "~/db.server";
import { listCampaignTargets } from "~/campaigns/campaign.server";
import { chooseTemplate } from "~/letters/letter.server";
import { letterContext, loadCaseVariables, type Sender } from "~/letters/letter-context.server";
import { parseTemplate, renderTemplate } from "~/letters/template.server";
import { enqueueEmail, mailFromAs } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { countSupporterLetter } from "~/petitions/signature.server";
import { formatPartialDate, todayIso } from "~/ui/format";
import { LetterEmail, letterText } from "../../emails/letter";

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
    drafts.push({ targetId: target.id, targetName: target.name, targetKind: target.kind, email: target.email, subject: s.text.trim(), body: b.text.trim() });
  }
  return drafts;
}

/** The targets a supporter may write to: the campaign's, for their country. Anything else is refused. */
export async function allowedTarget(campaign: CampaignForLetters, country: string, targetId: string) {
  const targets = await listCampaignTargets(campaign, country);
  return targets.find((t) => t.id === targetId) ?? null;
}

/** Queues the supporter's letter from the app's address, with replies going to them. */
export async function sendSupporterLetter({
  campaign,
  target,
  supporter,
  subject,
  body,
  appUrl,
}: {
  campaign: CampaignForLetters;
  target: { id: string; name: string; email: string | null; postalAddress: string | null; body: string | null };
  supporter: { name: string; email: string; city: string | null };
  subject: string;
  body: string;
  appUrl: string;
}): Promise<boolean> {
  if (!target.email) return false;
  const props = {
    senderName: supporter.name,
    date: formatPartialDate(todayIso()),
    recipientName: target.name,
    recipientAddress: [target.body, target.postalAddress].filter(Boolean).join("\n") || null,
    body,
    signatories: [supporter.city ? `${supporter.name}, ${supporter.city}` : supporter.name],
    caseTitle: campaign.case.title,
    caseUrl: `${appUrl}/cases/${campaign.case.slug}`,
  };
  const email = await renderEmail(LetterEmail(props), { text: letterText(props) });
  await prisma.$transaction(async (tx) => {
    await enqueueEmail(tx, {
      dedupeKey: `supporter-letter:${campaign.id}:${target.id}:${Date.now()}:${Math.random().toString(36).slice(2)}`,
      kind: "supporter-letter",
      to: target.email ?? "",
      from: mailFromAs(supporter.name),
      replyTo: supporter.email,
      subject,
      ...email,
      organisationId: campaign.organisationId,
      subjectType: "supporter-letter",
      subjectId: campaign.id,
      // The supporter's name and address are in it: stored encrypted like a signature.
      sensitive: true,
      tags: [{ name: "kind", value: "supporter-letter" }],
    });
    await tx.campaign.update({ where: { id: campaign.id }, data: { supporterLettersSent: { increment: 1 } } });
  });
  return true;
}

export { countSupporterLetter };

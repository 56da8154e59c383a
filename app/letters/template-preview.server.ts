// Checking a template before it is saved, and previewing it for a chosen target and sender.
import { letterLanguageName } from "~/content/letter-language";
import { prisma } from "~/db.server";
import { chooseTemplate } from "~/letters/letter.server";
import { letterContext, loadCaseVariables, loadSender, sampleTarget } from "~/letters/letter-context.server";
import { checkTemplate, formatProblem, parseTemplate, renderTemplate } from "~/letters/template.server";
import { formatPartialDate, todayIso } from "~/ui/format";

/** Field errors for the subject and body, with line and column, or null when both render. */
export async function templateProblems({
  campaignId,
  organisationId,
  subject,
  body,
  appUrl,
}: {
  campaignId: string;
  organisationId: string;
  subject: string;
  body: string;
  appUrl: string;
}): Promise<{ subject?: string[]; body?: string[] } | null> {
  const sender = await loadSender(organisationId, null);
  if (!sender) return null;
  const context = letterContext(await loadCaseVariables(campaignId, appUrl), sampleTarget, sender, formatPartialDate(todayIso()));
  const subjectProblem = checkTemplate(subject, context);
  const bodyProblem = checkTemplate(body, context);
  if (!subjectProblem && !bodyProblem) return null;
  return {
    ...(subjectProblem ? { subject: [formatProblem(subjectProblem)] } : {}),
    ...(bodyProblem ? { body: [formatProblem(bodyProblem)] } : {}),
  };
}

export async function previewTemplate({
  template,
  campaignId,
  organisationId,
  targetId,
  sectionId,
  appUrl,
}: {
  template: { subject: string; body: string };
  campaignId: string;
  organisationId: string;
  targetId: string | null;
  sectionId: string | null;
  appUrl: string;
}): Promise<{ subject: string; body: string; recipient: string; recipientLanguage: string | null } | { error: string }> {
  const target = targetId ? await prisma.target.findFirst({ where: { id: targetId, organisationId } }) : null;
  // Which of the campaign's saved templates this target's letters are made from, and so their language.
  const chosen = target
    ? chooseTemplate(await prisma.letterTemplate.findMany({ where: { campaignId }, orderBy: { createdAt: "asc" } }), target)
    : null;
  const sender = await loadSender(organisationId, sectionId);
  if (!sender) return { error: "No such section." };
  const context = letterContext(await loadCaseVariables(campaignId, appUrl), target ?? sampleTarget, sender, formatPartialDate(todayIso()));
  const subject = parseTemplate(template.subject);
  const body = parseTemplate(template.body);
  if (!subject.ok) return { error: formatProblem(subject.problem) };
  if (!body.ok) return { error: formatProblem(body.problem) };
  const s = renderTemplate(subject.template, context);
  const b = renderTemplate(body.template, context);
  if (!s.ok) return { error: formatProblem(s.problem) };
  if (!b.ok) return { error: formatProblem(b.problem) };
  return {
    subject: s.text.trim(),
    body: b.text.trim(),
    recipient: (target ?? sampleTarget).name,
    recipientLanguage: chosen ? letterLanguageName(chosen.language) : null,
  };
}

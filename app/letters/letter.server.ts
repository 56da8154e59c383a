// Letters: generated from a campaign's templates for each of a sender's targets, frozen at
// generation, reviewed, approved and sent through the outbox with a reply-to of their own.
import crypto from "node:crypto";
import { z } from "zod";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma.server/client";
import { env } from "~/env.server";
import { listCampaignTargets } from "~/campaigns/campaign.server";
import { targetKinds } from "~/targets/target.schema";
import { decodeList } from "~/lists";
import { defaultLanguage } from "~/i18n/config";
// The messages of every language, so tFor can print a letter in its own.
import "~/i18n/i18n.server";
import { tFor } from "~/i18n/i18n";
import { countryNameIn, formatPartialDateIn } from "~/i18n/format";
import { enqueueEmail, mailFromAs } from "~/mail/outbox.server";
import { renderEmail } from "~/mail/render.server";
import { letterContext, loadCaseVariables, loadSender, type Sender } from "~/letters/letter-context.server";
import { parseTemplate, renderTemplate, formatProblem, type ParsedTemplate } from "~/letters/template.server";
import type { PrintableLetter } from "~/letters/pdf.server";
import { formatPartialDate, todayIso } from "~/ui/format";
import { LetterEmail, letterText, type LetterEmailProps } from "../../emails/letter";

export const ORGANISATION_SENDER = "organisation";

export function senderKeyOf(sectionId: string | null): string {
  return sectionId ?? ORGANISATION_SENDER;
}

export function replyAddress(replyToken: string): string {
  return `reply+${replyToken}@${env().MAIL_REPLY_DOMAIN}`;
}

interface TemplateRow {
  id: string;
  language: string;
  targetKind: string | null;
  subject: string;
  body: string;
}

/**
 * The template for a target. Its language: the sender's own (a supporter's page language) when the
 * target reads it, else the first of the target's languages (in the order they are listed) that has
 * a template; in that language a template for the target's kind wins over one for any kind. A target
 * none of whose languages has a template gets one for its kind in English, then in any language.
 */
export function chooseTemplate<T extends TemplateRow>(
  templates: T[],
  target: { kind: string; languages: string },
  senderLanguage?: string | null,
): T | null {
  const targetLanguages = decodeList(target.languages);
  const order = senderLanguage && targetLanguages.includes(senderLanguage) ? [senderLanguage, ...targetLanguages] : targetLanguages;
  for (const language of order) {
    const found =
      templates.find((t) => t.language === language && t.targetKind === target.kind) ??
      templates.find((t) => t.language === language && t.targetKind === null);
    if (found) return found;
  }
  return (
    templates.find((t) => t.language === defaultLanguage && t.targetKind === target.kind) ??
    templates.find((t) => t.targetKind === target.kind) ??
    templates.find((t) => t.language === defaultLanguage && t.targetKind === null) ??
    templates.find((t) => t.targetKind === null) ??
    null
  );
}

export type GenerateResult = { ok: true; created: number; skipped: number; withoutTemplate: number } | { ok: false; message: string };

/** One letter per target of the sender that has none yet; existing letters are left as they are. */
export async function generateLetters({
  campaignId,
  organisationId,
  sectionId,
  appUrl,
}: {
  campaignId: string;
  organisationId: string;
  sectionId: string | null;
  appUrl: string;
}): Promise<GenerateResult> {
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId }, include: { templates: true } });
  if (!campaign) return { ok: false, message: "No such campaign." };
  if (campaign.templates.length === 0) return { ok: false, message: "This campaign has no letter template yet." };
  const sender = await loadSender(organisationId, sectionId);
  if (!sender) return { ok: false, message: "No such section." };

  const parsed = new Map<string, { subject: ParsedTemplate; body: ParsedTemplate }>();
  for (const t of campaign.templates) {
    const subject = parseTemplate(t.subject);
    const body = parseTemplate(t.body);
    if (!subject.ok) return { ok: false, message: `Template “${t.name}”, subject: ${formatProblem(subject.problem)}` };
    if (!body.ok) return { ok: false, message: `Template “${t.name}”: ${formatProblem(body.problem)}` };
    parsed.set(t.id, { subject: subject.template, body: body.template });
  }

  const targets = await listCampaignTargets(campaign, sender.country);
  const senderKey = senderKeyOf(sectionId);
  const existing = new Set(
    (await prisma.letter.findMany({ where: { campaignId, senderKey }, select: { targetId: true } })).map((l) => l.targetId),
  );
  const caseVariables = await loadCaseVariables(campaignId, appUrl);
  const date = formatPartialDate(todayIso());

  const rows: NewLetter[] = [];
  let withoutTemplate = 0;
  for (const target of targets) {
    if (existing.has(target.id)) continue;
    const template = chooseTemplate(campaign.templates, target);
    const compiled = template ? parsed.get(template.id) : undefined;
    if (!template || !compiled) {
      withoutTemplate++;
      continue;
    }
    const context = letterContext(caseVariables, target, sender, date);
    const subject = renderTemplate(compiled.subject, context);
    const body = renderTemplate(compiled.body, context);
    if (!subject.ok) return { ok: false, message: `Template “${template.name}”, subject: ${formatProblem(subject.problem)}` };
    if (!body.ok) return { ok: false, message: `Template “${template.name}”: ${formatProblem(body.problem)}` };
    rows.push({
      organisationId,
      campaignId,
      templateId: template.id,
      targetId: target.id,
      sectionId,
      senderKey,
      language: template.language,
      subject: subject.text.trim(),
      body: body.text.trim(),
      recipientName: target.name,
      recipientEmail: target.email,
      recipientAddress: [target.body, target.postalAddress].filter(Boolean).join("\n") || null,
      senderName: sender.sectionId ? `${sender.name}, ${sender.organisation}` : sender.organisation,
      signatories: sender.signatories.join("\n"),
      replyToken: crypto
        .randomBytes(12)
        .toString("base64url")
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "x"),
    });
  }
  // Chunk by chunk, each one statement (its own short transaction), so the write lock is never held
  // for the whole batch while supporters sign. A batch cut short is finished by pressing Generate
  // again: letters that exist are skipped, and a letter made meanwhile by a second press is not
  // made twice (ON CONFLICT on campaign, target and sender).
  let created = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) created += await insertLetters(rows.slice(i, i + INSERT_CHUNK));
  return { ok: true, created, skipped: existing.size + rows.length - created, withoutTemplate };
}

const INSERT_CHUNK = 200;
const letterColumns = [
  "id",
  "organisationId",
  "campaignId",
  "templateId",
  "targetId",
  "sectionId",
  "senderKey",
  "language",
  "subject",
  "body",
  "recipientName",
  "recipientEmail",
  "recipientAddress",
  "senderName",
  "signatories",
  "replyToken",
  "status",
  "sendCount",
  "createdAt",
  "updatedAt",
] as const;

interface NewLetter {
  organisationId: string;
  campaignId: string;
  templateId: string;
  targetId: string;
  sectionId: string | null;
  senderKey: string;
  language: string;
  subject: string;
  body: string;
  recipientName: string;
  recipientEmail: string | null;
  recipientAddress: string | null;
  senderName: string;
  signatories: string;
  replyToken: string;
}

/**
 * Many letters in one statement. Prisma's createMany spends ~0.5 ms a row here; a multi-row INSERT
 * built with Prisma.sql (placeholders right for SQLite and PostgreSQL alike) is several times faster.
 */
async function insertLetters(rows: NewLetter[]): Promise<number> {
  if (rows.length === 0) return 0;
  const now = new Date();
  const values = rows.map(
    (r) =>
      Prisma.sql`(${Prisma.join([
        createId(),
        r.organisationId,
        r.campaignId,
        r.templateId,
        r.targetId,
        r.sectionId,
        r.senderKey,
        r.language,
        r.subject,
        r.body,
        r.recipientName,
        r.recipientEmail,
        r.recipientAddress,
        r.senderName,
        r.signatories,
        r.replyToken,
        "draft",
        0,
        now,
        now,
      ])})`,
  );
  return prisma.$executeRaw`INSERT INTO "Letter" (${Prisma.raw(letterColumns.map((c) => `"${c}"`).join(", "))}) VALUES ${Prisma.join(values)}
    ON CONFLICT ("campaignId", "targetId", "senderKey") DO NOTHING`;
}

function createId(): string {
  return `l${crypto.randomBytes(12).toString("base64url")}`;
}

export const letterStatuses = ["draft", "approved", "sent"] as const;

/** The review list's filters, read from the query string: anything unknown shows every letter. */
export const LetterFilterSchema = z.object({
  status: z.enum(["", ...letterStatuses]).catch(""),
  kind: z.enum(["", ...targetKinds]).catch(""),
});
export type LetterFilter = z.infer<typeof LetterFilterSchema>;

export function readLetterFilter(searchParams: URLSearchParams): LetterFilter {
  return LetterFilterSchema.parse({ status: searchParams.get("status") ?? "", kind: searchParams.get("kind") ?? "" });
}

export function matchesFilter(letter: { status: string; target: { kind: string } }, filter: LetterFilter): boolean {
  return (!filter.status || letter.status === filter.status) && (!filter.kind || letter.target.kind === filter.kind);
}

/** A section member sees only their section's letters; an organiser sees the sender they chose. */
export function lettersForSender({
  campaignId,
  organisationId,
  sectionId,
}: {
  campaignId: string;
  organisationId: string;
  sectionId: string | null;
}) {
  return prisma.letter.findMany({
    where: { campaignId, organisationId, senderKey: senderKeyOf(sectionId) },
    // The id last, so letters with the same kind and name keep one order on the list and the letter page.
    orderBy: [{ target: { kind: "asc" } }, { recipientName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      subject: true,
      recipientName: true,
      recipientEmail: true,
      status: true,
      sentAt: true,
      sendCount: true,
      outboxEmailId: true,
      target: { select: { kind: true, country: true, position: true, body: true } },
    },
  });
}

/**
 * The letters before and after this one on the review list, in its order and with its filter. A
 * letter that no longer matches the filter (it was just approved) still has neighbours: the
 * nearest matching letters on either side of its place in the full list.
 */
export async function letterNeighbours(
  letter: { id: string; campaignId: string; organisationId: string; sectionId: string | null },
  filter: LetterFilter,
) {
  const all = await lettersForSender(letter);
  const at = all.findIndex((l) => l.id === letter.id);
  const matching = (l: (typeof all)[number]) => matchesFilter(l, filter);
  const previous = all.slice(0, Math.max(at, 0)).reverse().find(matching);
  const next = all.slice(at + 1).find(matching);
  const listed = all.filter(matching);
  const position = listed.findIndex((l) => l.id === letter.id);
  const brief = (l: (typeof all)[number] | undefined) => (l ? { id: l.id, recipientName: l.recipientName } : null);
  return { previous: brief(previous), next: brief(next), position: position >= 0 ? position + 1 : null, total: listed.length };
}

/** The letter, if the user may see it: organisers see their organisation's, section members their section's. */
export function getLetterFor({
  letterId,
  organisationId,
  sectionId,
}: {
  letterId: string;
  organisationId: string;
  sectionId: string | null | undefined;
}) {
  return prisma.letter.findFirst({
    where: { id: letterId, organisationId, ...(sectionId !== undefined ? { sectionId } : {}) },
    include: {
      campaign: { select: { id: true, title: true, status: true, case: { select: { title: true, slug: true } } } },
      target: true,
      section: true,
    },
  });
}

export async function deliveryOf(outboxEmailIds: string[]) {
  const emails = await prisma.outboxEmail.findMany({
    where: { id: { in: outboxEmailIds } },
    select: { id: true, status: true, lastError: true },
  });
  return new Map(emails.map((e) => [e.id, e]));
}

export function letterHistory(letterId: string) {
  return prisma.outboxEmail.findMany({
    where: { subjectType: "letter", subjectId: letterId },
    orderBy: { createdAt: "asc" },
    select: { id: true, toAddress: true, status: true, lastError: true, createdAt: true, events: { orderBy: { occurredAt: "asc" } } },
  });
}

/** Edits a letter that was not sent; an approved letter goes back to draft for another look. */
export async function editLetter(letterId: string, data: { subject: string; body: string }) {
  const { count } = await prisma.letter.updateMany({
    where: { id: letterId, status: { in: ["draft", "approved"] } },
    data: { ...data, status: "draft", editedAt: new Date(), approvedAt: null },
  });
  return count === 1;
}

export async function approveAll({
  campaignId,
  organisationId,
  sectionId,
}: {
  campaignId: string;
  organisationId: string;
  sectionId: string | null;
}) {
  const { count } = await prisma.letter.updateMany({
    where: { campaignId, organisationId, senderKey: senderKeyOf(sectionId), status: "draft" },
    data: { status: "approved", approvedAt: new Date() },
  });
  return count;
}

/**
 * Approves a letter with the text its reviewer approved: the subject and body on their screen (edits
 * they did not save separately) are saved in the same transaction, so what is approved, and later
 * sent, is what they read. An approved letter approved again with new text stays approved.
 */
export async function approveLetter(letterId: string, text?: { subject: string; body: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const letter = await tx.letter.findFirst({
      where: { id: letterId, status: { in: ["draft", "approved"] } },
      select: { subject: true, body: true, status: true },
    });
    if (!letter) return false;
    const edited = !!text && (text.subject !== letter.subject || text.body !== letter.body);
    if (!edited && letter.status === "approved") return true;
    const now = new Date();
    await tx.letter.update({
      where: { id: letterId },
      data: { ...(edited ? { ...text, editedAt: now } : {}), status: "approved", approvedAt: now },
    });
    return true;
  });
}

type LetterToSend = NonNullable<Awaited<ReturnType<typeof loadLettersToSend>>>[number];

function loadLettersToSend(where: {
  id?: string;
  campaignId?: string;
  organisationId: string;
  senderKey?: string;
  status: string | { in: string[] };
}) {
  return prisma.letter.findMany({
    where,
    include: { campaign: { select: { title: true, case: { select: { title: true, slug: true } } } }, target: { select: { email: true } } },
  });
}

async function enqueueLetters(letters: LetterToSend[], appUrl: string) {
  const rendered: Array<{ letter: LetterToSend; email: { html: string; text: string } }> = [];
  for (const letter of letters) {
    const props: LetterEmailProps = {
      senderName: letter.senderName,
      date: formatPartialDate((letter.approvedAt ?? new Date()).toISOString().slice(0, 10)),
      recipientName: letter.recipientName,
      recipientAddress: letter.recipientAddress,
      body: letter.body,
      signatories: letter.signatories.split("\n").filter(Boolean),
      caseTitle: letter.campaign.case.title,
      caseUrl: `${appUrl}/cases/${letter.campaign.case.slug}`,
    };
    rendered.push({ letter, email: await renderEmail(LetterEmail(props), { text: letterText(props) }) });
  }
  await prisma.$transaction(async (tx) => {
    for (const { letter, email } of rendered) {
      const to = letter.recipientEmail ?? letter.target.email;
      if (!to) continue;
      const sendNumber = letter.sendCount + 1;
      const { id } = await enqueueEmail(tx, {
        dedupeKey: `letter:${letter.id}:${sendNumber}`,
        kind: "letter",
        to,
        from: mailFromAs(letter.senderName),
        replyTo: replyAddress(letter.replyToken),
        subject: letter.subject,
        ...email,
        organisationId: letter.organisationId,
        subjectType: "letter",
        subjectId: letter.id,
        tags: [
          { name: "kind", value: "letter" },
          { name: "campaign", value: letter.campaignId },
        ],
      });
      await tx.letter.update({
        where: { id: letter.id },
        data: { status: "sent", sentAt: new Date(), sendCount: sendNumber, outboxEmailId: id, recipientEmail: to },
      });
    }
  });
}

/** Sends every approved letter of a sender that has an email address. Letters without one are for print. */
export async function sendApproved({
  campaignId,
  organisationId,
  sectionId,
  appUrl,
}: {
  campaignId: string;
  organisationId: string;
  sectionId: string | null;
  appUrl: string;
}): Promise<{ sent: number; withoutEmail: number }> {
  const letters = await loadLettersToSend({ campaignId, organisationId, senderKey: senderKeyOf(sectionId), status: "approved" });
  const sendable = letters.filter((l) => l.recipientEmail ?? l.target.email);
  await enqueueLetters(sendable, appUrl);
  return { sent: sendable.length, withoutEmail: letters.length - sendable.length };
}

/** Sends one approved letter that has an email address; false when it cannot be sent (any more). */
export async function sendLetter({ letterId, organisationId, appUrl }: { letterId: string; organisationId: string; appUrl: string }) {
  const letters = await loadLettersToSend({ id: letterId, organisationId, status: "approved" });
  if (letters.length !== 1 || !(letters[0]!.recipientEmail ?? letters[0]!.target.email)) return false;
  await enqueueLetters(letters, appUrl);
  return true;
}

/** Sending a letter that was already sent: only after the sender confirmed it. */
export async function sendAgain({ letterId, organisationId, appUrl }: { letterId: string; organisationId: string; appUrl: string }) {
  const letters = await loadLettersToSend({ id: letterId, organisationId, status: "sent" });
  if (letters.length !== 1 || !(letters[0]!.recipientEmail ?? letters[0]!.target.email)) return false;
  await enqueueLetters(letters, appUrl);
  return true;
}

export type { Sender };

/** A letter goes by post only to a target whose postal address we know: an envelope needs one. */
export function hasPostalAddress(target: { postalAddress: string | null }): boolean {
  return Boolean(target.postalAddress?.trim());
}

// Prisma's filter for the same rule (an empty string counts as no address).
const WITH_POSTAL_ADDRESS = { postalAddress: { not: null }, NOT: { postalAddress: "" } } satisfies Prisma.TargetWhereInput;

/** How many of a sender's letters can be printed for post, and how many cannot (no postal address). */
export async function postCounts({
  organisationId,
  campaignId,
  sectionId,
}: {
  organisationId: string;
  campaignId: string;
  sectionId: string | null;
}): Promise<{ printable: number; withoutAddress: number }> {
  const where = { organisationId, campaignId, senderKey: senderKeyOf(sectionId) };
  const [all, printable] = await Promise.all([
    prisma.letter.count({ where }),
    prisma.letter.count({ where: { ...where, target: WITH_POSTAL_ADDRESS } }),
  ]);
  return { printable, withoutAddress: all - printable };
}

/**
 * Letters of a sender as printable pages for post, or one letter when letterIds is given. Only
 * letters whose target has a postal address: the address block is the target's current one (it
 * may have been added after the letter was generated, and the envelope must carry today's).
 */
export async function printableLetters({
  organisationId,
  campaignId,
  sectionId,
  letterIds,
  appUrl,
}: {
  organisationId: string;
  campaignId?: string;
  sectionId?: string | null;
  letterIds?: string[];
  appUrl: string;
}): Promise<PrintableLetter[]> {
  const letters = await prisma.letter.findMany({
    where: {
      organisationId,
      ...(campaignId ? { campaignId } : {}),
      ...(sectionId !== undefined ? { senderKey: senderKeyOf(sectionId) } : {}),
      ...(letterIds ? { id: { in: letterIds } } : {}),
      target: WITH_POSTAL_ADDRESS,
    },
    orderBy: [{ target: { kind: "asc" } }, { recipientName: "asc" }],
    include: {
      campaign: { select: { case: { select: { title: true, slug: true } } } },
      section: { select: { city: true, country: true } },
      target: { select: { body: true, postalAddress: true } },
    },
  });
  return letters.map((l) => {
    // The date, country and case line are printed in the letter's own language.
    const t = tFor(l.language);
    return {
      senderName: l.senderName,
      senderAddressLines: l.section ? [l.section.city, countryNameIn(t, l.section.country)].filter(Boolean) : [],
      date: formatPartialDateIn(t, (l.sentAt ?? l.approvedAt ?? l.createdAt).toISOString().slice(0, 10)),
      recipientName: l.recipientName,
      recipientAddress: l.target.postalAddress,
      recipientBody: l.target.body,
      subject: l.subject,
      body: l.body,
      signatories: l.signatories.split("\n").filter(Boolean),
      caseReference: `${t("content.letterCase", { title: l.campaign.case.title })} — ${appUrl}/cases/${l.campaign.case.slug}`,
      language: l.language,
    };
  });
}

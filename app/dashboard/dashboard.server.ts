// What a campaign and a section achieved, in figures: signatures from the kept counters (Campaign,
// CampaignDay), letters from one pass over a few short columns of each (never their text), answers
// through their index. Also the CSV exports, streamed in pages.
import { signaturesByChannel } from "~/growth/channel-days.server";
import { stringify } from "csv-stringify/sync";
import { notFoundUnless } from "~/auth/permissions.server";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { personStatusLabel } from "~/cases/case-status";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { Prisma } from "~/generated/prisma.server/client";
import { targetKinds } from "~/targets/target.schema";
import { spreadsheetCell } from "~/security/spreadsheet";
import { IdSchema, paramOr404 } from "~/security/params.server";

/** Where a letter stands: not sent yet (draft, approved), or the status of the email that carried it. */
export const deliveryBuckets = ["draft", "approved", "queued", "sent", "delivered", "bounced", "failed"] as const;
export type DeliveryBucket = (typeof deliveryBuckets)[number];

export const deliveryBucketLabels: Record<DeliveryBucket, string> = {
  draft: "Draft",
  approved: "Approved, not sent",
  queued: "Queued",
  sent: "Sent",
  delivered: "Delivered",
  bounced: "Bounced",
  failed: "Failed",
};

/** The outbox knows nine states; the dashboard shows the five a campaigner acts on. */
export function deliveryBucket(letterStatus: string, emailStatus: string | null): DeliveryBucket {
  switch (emailStatus) {
    case "queued":
    case "sending":
      return "queued";
    case "sent":
    case "delivery_delayed":
      return "sent";
    case "delivered":
      return "delivered";
    case "bounced":
    case "complained":
      return "bounced";
    case "failed":
    case "suppressed":
      return "failed";
  }
  if (letterStatus === "sent") return "sent";
  return letterStatus === "approved" ? "approved" : "draft";
}

// A raw COUNT comes back as a bigint (SQLite's adapter, PostgreSQL) or a number.
function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Number(typeof value === "object" ? String(value) : value);
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const DAY_MS = 24 * 3600 * 1000;

/** Every day from the first to the last, with zero where no row was written. */
function fillDays(rows: Array<{ day: string; signatures: number }>): Array<{ day: string; signatures: number }> {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return [];
  const byDay = new Map(rows.map((r) => [r.day, r.signatures]));
  const filled: Array<{ day: string; signatures: number }> = [];
  for (let t = Date.parse(`${first.day}T00:00:00Z`); t <= Date.parse(`${last.day}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    filled.push({ day, signatures: byDay.get(day) ?? 0 });
  }
  return filled;
}

/** What the dashboards need of one letter: a few short columns, never its text. */
interface LetterFacts {
  campaignId: string;
  kind: string;
  country: string | null;
  letterStatus: string;
  emailStatus: string | null;
  sentAt: Date | null;
  lastFollowUpAt: Date | null;
  answers: number;
  firstAnswerAt: Date | null;
}

/**
 * The facts of every letter in scope, in one pass over the letters: their target's kind and
 * country, the status of the email that carried them, and their answers (counted through the
 * Response.letterId index). Every figure is then summed from these rows: one pass over the
 * letters costs less than grouping them in SQL once per figure.
 */
async function letterFacts(scope: { organisationId: string; campaignId?: string; sectionId?: string }): Promise<LetterFacts[]> {
  const conditions = [
    Prisma.sql`l."organisationId" = ${scope.organisationId}`,
    ...(scope.campaignId ? [Prisma.sql`l."campaignId" = ${scope.campaignId}`] : []),
    ...(scope.sectionId ? [Prisma.sql`l."sectionId" = ${scope.sectionId}`] : []),
  ];
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT l."campaignId" AS "campaignId", t."kind" AS "kind", t."country" AS "country", l."status" AS "letterStatus",
           e."status" AS "emailStatus", l."sentAt" AS "sentAt", l."lastFollowUpAt" AS "lastFollowUpAt",
           (SELECT COUNT(*) FROM "Response" r WHERE r."letterId" = l."id") AS "answers",
           (SELECT MIN(r."receivedAt") FROM "Response" r WHERE r."letterId" = l."id") AS "firstAnswerAt"
    FROM "Letter" l
    JOIN "Target" t ON t."id" = l."targetId"
    LEFT JOIN "OutboxEmail" e ON e."id" = l."outboxEmailId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
  return rows.map((r) => {
    const answers = num(r.answers);
    return {
      campaignId: String(r.campaignId),
      kind: String(r.kind),
      country: typeof r.country === "string" && r.country !== "" ? r.country : null,
      letterStatus: String(r.letterStatus),
      emailStatus: typeof r.emailStatus === "string" ? r.emailStatus : null,
      sentAt: toDate(r.sentAt),
      lastFollowUpAt: toDate(r.lastFollowUpAt),
      answers,
      firstAnswerAt: answers > 0 ? toDate(r.firstAnswerAt) : null,
    };
  });
}

export interface Tally {
  letters: number;
  /** Sent by email, or answered after going by post. */
  sent: number;
  /** Letters with at least one answer. */
  answered: number;
  answers: number;
  /** answered / sent, null when nothing was sent. */
  responseRate: number | null;
}

function tally(letters: LetterFacts[]): Tally {
  const t: Tally = { letters: 0, sent: 0, answered: 0, answers: 0, responseRate: null };
  for (const l of letters) {
    t.letters++;
    // A letter counts as sent when its email went, or when it was answered (printed and posted).
    if (l.letterStatus === "sent" || l.answers > 0) t.sent++;
    if (l.answers > 0) t.answered++;
    t.answers += l.answers;
  }
  return { ...t, responseRate: t.sent > 0 ? t.answered / t.sent : null };
}

function byBucket(letters: LetterFacts[]): Array<{ status: DeliveryBucket; label: string; count: number }> {
  const counts = new Map<DeliveryBucket, number>(deliveryBuckets.map((b) => [b, 0]));
  for (const l of letters) {
    const bucket = deliveryBucket(l.letterStatus, l.emailStatus);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return deliveryBuckets.map((status) => ({ status, label: deliveryBucketLabels[status], count: counts.get(status) ?? 0 }));
}

function groupBy<K>(letters: LetterFacts[], key: (l: LetterFacts) => K): Map<K, LetterFacts[]> {
  const groups = new Map<K, LetterFacts[]>();
  for (const l of letters) {
    const k = key(l);
    const group = groups.get(k);
    if (group) group.push(l);
    else groups.set(k, [l]);
  }
  return groups;
}

/** Days from sending by email to the first answer; an answer to an earlier sending counts as day 0. */
function daysToAnswer(letter: LetterFacts): number | null {
  if (!letter.sentAt || !letter.firstAnswerAt) return null;
  return Math.max(0, (letter.firstAnswerAt.getTime() - letter.sentAt.getTime()) / DAY_MS);
}

function medianDaysToAnswer(letters: LetterFacts[]): number | null {
  return median(letters.flatMap((l) => daysToAnswer(l) ?? []));
}

export type TimelineEntry =
  /** What the campaign's letters did that day (UTC). */
  | { side: "campaign"; type: "letters"; date: string; sent: number; followUps: number; answered: number }
  | { side: "campaign"; type: "case-update"; date: string; title: string }
  | { side: "people"; type: "status-change"; date: string; person: string; status: string; statusLabel: string; note: string };

/** Newest first; dates are "YYYY-MM-DD", or "YYYY-MM" / "YYYY" for what reports give only roughly. */
function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.side === b.side ? 0 : a.side === "campaign" ? -1 : 1));
}

/** Letters sent, followed up (the latest follow-up of each) and first answered, per day. */
function letterDays(letters: LetterFacts[]): TimelineEntry[] {
  const days = new Map<string, { sent: number; followUps: number; answered: number }>();
  const count = (date: Date | null, field: "sent" | "followUps" | "answered") => {
    if (!date) return;
    const day = date.toISOString().slice(0, 10);
    const entry = days.get(day) ?? { sent: 0, followUps: 0, answered: 0 };
    entry[field]++;
    days.set(day, entry);
  };
  for (const l of letters) {
    count(l.sentAt, "sent");
    count(l.lastFollowUpAt, "followUps");
    count(l.firstAnswerAt, "answered");
  }
  return [...days.entries()].map(([date, n]) => ({ side: "campaign" as const, type: "letters" as const, date, ...n }));
}

async function caseTimeline(caseId: string): Promise<TimelineEntry[]> {
  const [updates, changes] = await Promise.all([
    prisma.caseUpdate.findMany({
      where: { caseId, publishedAt: { lte: new Date() } },
      orderBy: { publishedAt: "desc" },
      take: 200,
      select: { title: true, publishedAt: true },
    }),
    prisma.statusChange.findMany({
      where: { person: { caseId } },
      orderBy: { occurredOn: "desc" },
      take: 500,
      select: { status: true, occurredOn: true, note: true, person: { select: { name: true } } },
    }),
  ]);
  return [
    ...updates.map((u) => ({
      side: "campaign" as const,
      type: "case-update" as const,
      date: u.publishedAt.toISOString().slice(0, 10),
      title: u.title,
    })),
    ...changes.map((c) => ({
      side: "people" as const,
      type: "status-change" as const,
      date: c.occurredOn,
      person: c.person.name,
      status: c.status,
      statusLabel: personStatusLabel(c.status),
      note: c.note,
    })),
  ];
}

/**
 * Signatures waiting for their email confirmation, and how many of the signatures given recently
 * were confirmed. Unconfirmed signatures are deleted after UNCONFIRMED_SIGNATURE_DAYS, so only
 * that window still holds every signature given: the rate is measured over it, never over all time
 * (which would count the confirmed ones but not the deleted unconfirmed ones).
 */
async function signatureConfirmation(campaignId: string) {
  const windowDays = env().UNCONFIRMED_SIGNATURE_DAYS;
  const since = new Date(Date.now() - windowDays * DAY_MS);
  const [unconfirmed, recent] = await Promise.all([
    prisma.signature.count({ where: { campaignId, status: "pending" } }),
    prisma.signature.groupBy({ by: ["status"], where: { campaignId, createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const recentGiven = recent.reduce((sum, g) => sum + g._count._all, 0);
  const recentConfirmed = recent.find((g) => g.status === "confirmed")?._count._all ?? 0;
  return {
    unconfirmedSignatures: unconfirmed,
    confirmationWindowDays: windowDays,
    recentSignatures: recentGiven,
    /** Confirmed among the signatures given in the window; null when none was given. */
    confirmationRate: recentGiven > 0 ? recentConfirmed / recentGiven : null,
  };
}

export interface KindFigures extends Tally {
  kind: string;
  medianDaysToAnswer: number | null;
}

export interface CountryFigures extends Tally {
  country: string | null;
}

/** Everything the campaign dashboard shows, in a handful of queries whatever the campaign's size. */
export async function campaignDashboard({ organisationId, campaignId }: { organisationId: string; campaignId: string }) {
  const campaign = await prisma.campaign.findFirst({
    where: { id: campaignId, organisationId },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      petitionText: true,
      signatureCount: true,
      signatureGoal: true,
      supporterLettersSent: true,
      supporterLettersMailto: true,
      caseId: true,
      case: { select: { title: true, slug: true } },
    },
  });
  if (!campaign) return null;
  const [days, channelDays, letters, caseEntries, confirmation] = await Promise.all([
    prisma.campaignDay.findMany({ where: { campaignId }, orderBy: { day: "asc" }, select: { day: true, signatures: true } }),
    signaturesByChannel(campaignId),
    letterFacts({ organisationId, campaignId }),
    caseTimeline(campaign.caseId),
    signatureConfirmation(campaignId),
  ]);

  // The known kinds in their usual order, then any other the directory holds.
  const kinds = groupBy(letters, (l) => l.kind);
  const kindOrder = [...targetKinds, ...[...kinds.keys()].filter((k) => !(targetKinds as readonly string[]).includes(k)).sort()];
  const byKind: KindFigures[] = kindOrder.flatMap((kind) => {
    const own = kinds.get(kind);
    return own ? [{ kind, ...tally(own), medianDaysToAnswer: medianDaysToAnswer(own) }] : [];
  });
  const byCountry: CountryFigures[] = [...groupBy(letters, (l) => l.country).entries()]
    .map(([country, own]) => ({ country, ...tally(own) }))
    .sort((a, b) => b.letters - a.letters || (a.country ?? "~").localeCompare(b.country ?? "~"));

  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      slug: campaign.slug,
      status: campaign.status,
      hasPetition: campaign.petitionText !== null,
      case: campaign.case,
    },
    totals: {
      signatures: campaign.signatureCount,
      signatureGoal: campaign.signatureGoal,
      ...confirmation,
      supporterLettersSent: campaign.supporterLettersSent,
      supporterLettersMailto: campaign.supporterLettersMailto,
      ...tally(letters),
      medianDaysToAnswer: medianDaysToAnswer(letters),
    },
    signaturesByDay: fillDays(days),
    signaturesByChannel: channelDays,
    lettersByStatus: byBucket(letters),
    byKind,
    byCountry,
    timeline: sortTimeline([...letterDays(letters), ...caseEntries]),
  };
}
export type CampaignDashboard = NonNullable<Awaited<ReturnType<typeof campaignDashboard>>>;

/**
 * The section dashboard's viewer: organisers see any section of their organisation, a section
 * member only their own. A section of another organisation does not exist for them (404).
 */
export async function requireSectionViewer(request: Request, sectionIdParam: string | undefined) {
  const user = await requireUser(request);
  const sectionId = paramOr404(IdSchema, sectionIdParam, "No such section.");
  const section = await prisma.section.findFirst({
    where: { id: sectionId, organisationId: user.organisationId },
    select: { id: true, name: true, city: true, country: true },
  });
  notFoundUnless(section, "No such section in your organisation.");
  const organiser = canManageCases(user.role);
  if (!organiser && user.sectionId !== section.id) {
    throw new Response("You can see only your own section's dashboard.", { status: 403 });
  }
  return { user, section, organiser };
}

export const SECTION_ANSWERS_SHOWN = 200;

/** A section's letters per campaign, their delivery, and the answers they got (newest first). */
export async function sectionDashboard({
  organisationId,
  sectionId,
  organiser,
}: {
  organisationId: string;
  sectionId: string;
  organiser: boolean;
}) {
  const letters = await letterFacts({ organisationId, sectionId });
  const byCampaign = groupBy(letters, (l) => l.campaignId);
  // Section members do not see draft campaigns, even when an organiser wrote for them there.
  const visibleStatuses = organiser ? ["draft", "live", "closed"] : ["live", "closed"];
  const campaignWhere = { id: { in: [...byCampaign.keys()] }, organisationId, status: { in: visibleStatuses } };
  const [campaigns, answers, answerCount] = await Promise.all([
    prisma.campaign.findMany({ where: campaignWhere, orderBy: { createdAt: "desc" }, select: { id: true, title: true, status: true } }),
    prisma.response.findMany({
      where: { letter: { organisationId, sectionId, campaign: { status: { in: visibleStatuses } } } },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: SECTION_ANSWERS_SHOWN,
      select: {
        id: true,
        receivedAt: true,
        channel: true,
        kind: true,
        fromName: true,
        summary: true,
        letter: { select: { id: true, campaignId: true, target: { select: { name: true, kind: true, country: true } } } },
      },
    }),
    prisma.response.count({ where: { letter: { organisationId, sectionId, campaign: { status: { in: visibleStatuses } } } } }),
  ]);
  const titles = new Map(campaigns.map((c) => [c.id, c.title]));
  return {
    campaigns: campaigns.map((c) => {
      const own = byCampaign.get(c.id) ?? [];
      return { id: c.id, title: c.title, status: c.status, ...tally(own), lettersByStatus: byBucket(own) };
    }),
    answers: answers.map((a) => ({
      id: a.id,
      receivedAt: a.receivedAt.toISOString(),
      channel: a.channel,
      kind: a.kind,
      fromName: a.fromName,
      summary: a.summary,
      letterId: a.letter?.id ?? null,
      campaignTitle: a.letter ? (titles.get(a.letter.campaignId) ?? "") : "",
      target: a.letter?.target ?? null,
    })),
    answerCount,
  };
}
export type SectionDashboard = Awaited<ReturnType<typeof sectionDashboard>>;

// CSV exports ------------------------------------------------------------------------------------

/** Pages of rows written as they come: ten thousand letters never sit in memory together. */
function pagedCsv<Row extends { id: string }>(
  header: string[],
  page: (after: string | null) => Promise<Row[]>,
  toCells: (rows: Row[]) => Promise<string[][]>,
) {
  const encoder = new TextEncoder();
  let after: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte-order mark makes spreadsheets read UTF-8: Cyrillic and Kazakh names stay intact.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([header])}`));
      }
      const rows = await page(after);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows.at(-1)?.id ?? null;
      controller.enqueue(encoder.encode(stringify(await toCells(rows))));
    },
  });
}

const letterCsvHeader = [
  "target",
  "target_kind",
  "target_country",
  "sender",
  "subject",
  "status",
  "delivery",
  "delivery_status",
  "sent_at",
  "follow_ups",
];

/** Every letter of a campaign with its delivery: one row each, in pages of `pageSize`. */
export function lettersCsvStream({ organisationId, campaignId }: { organisationId: string; campaignId: string }, pageSize = 1000) {
  return pagedCsv(
    letterCsvHeader,
    (after) =>
      prisma.letter.findMany({
        where: { organisationId, campaignId, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: pageSize,
        select: {
          id: true,
          senderName: true,
          subject: true,
          status: true,
          sentAt: true,
          followUpCount: true,
          outboxEmailId: true,
          target: { select: { name: true, kind: true, country: true } },
        },
      }),
    async (letters) => {
      const emailIds = letters.flatMap((l) => (l.outboxEmailId ? [l.outboxEmailId] : []));
      const emails = emailIds.length
        ? await prisma.outboxEmail.findMany({ where: { id: { in: emailIds } }, select: { id: true, status: true } })
        : [];
      const statusOf = new Map(emails.map((e) => [e.id, e.status]));
      return letters.map((l) => {
        const emailStatus = l.outboxEmailId ? (statusOf.get(l.outboxEmailId) ?? null) : null;
        return [
          spreadsheetCell(l.target.name),
          l.target.kind,
          l.target.country ?? "",
          spreadsheetCell(l.senderName),
          spreadsheetCell(l.subject),
          l.status,
          deliveryBucket(l.status, emailStatus),
          emailStatus ?? "",
          l.sentAt?.toISOString() ?? "",
          String(l.followUpCount),
        ];
      });
    },
  );
}

const responseCsvHeader = ["target", "target_kind", "target_country", "sender", "channel", "kind", "received_at", "from_name", "summary"];

/** Every answer to a campaign's letters. */
export function responsesCsvStream({ organisationId, campaignId }: { organisationId: string; campaignId: string }, pageSize = 1000) {
  return pagedCsv(
    responseCsvHeader,
    (after) =>
      prisma.response.findMany({
        where: { letter: { organisationId, campaignId }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: pageSize,
        select: {
          id: true,
          channel: true,
          kind: true,
          receivedAt: true,
          fromName: true,
          summary: true,
          letter: { select: { senderName: true, target: { select: { name: true, kind: true, country: true } } } },
        },
      }),
    async (responses) =>
      responses.map((r) => [
        spreadsheetCell(r.letter?.target.name),
        r.letter?.target.kind ?? "",
        r.letter?.target.country ?? "",
        spreadsheetCell(r.letter?.senderName),
        r.channel,
        r.kind,
        r.receivedAt.toISOString(),
        spreadsheetCell(r.fromName),
        spreadsheetCell(r.summary),
      ]),
  );
}

// What waits for whom on the overview page: per role, a few counts, each with the link to the page
// where it is dealt with. Every count reads an index (never a table of signatures row by row).
import { countCampaignTargets } from "~/campaigns/campaign.server";
import { prisma } from "~/db.server";
import { awaitingAnswerWhere } from "~/responses/follow-up.server";
import { count, formatNumber } from "~/ui/format";

export type StepLink = { to: string; label: string };
export type NextStep = {
  /** Stable name of the step, for tests and list keys. */
  key: string;
  count: number;
  text: string;
  detail?: string;
  links: StepLink[];
};

const week = 7 * 24 * 3600 * 1000;
// Section members never see draft campaigns (nor answers to letters written in one for them).
const visibleToMembers = { status: { in: ["live", "closed"] } };

type LiveCampaign = {
  id: string;
  title: string;
  organisationId: string;
  targetKinds: string;
  targetCountries: string;
  targetTags: string;
};

function liveCampaigns(organisationId: string): Promise<LiveCampaign[]> {
  return prisma.campaign.findMany({
    where: { organisationId, status: "live" },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, organisationId: true, targetKinds: true, targetCountries: true, targetTags: true },
  });
}

/** The next thing to do with a sender's letters, from how many exist in each state. */
function letterAction(campaignId: string, tally: { draft: number; approved: number; sent: number }, targets: number): StepLink {
  const to = `/admin/campaigns/${campaignId}/letters`;
  if (tally.draft + tally.approved + tally.sent < targets) return { to, label: "Generate letters" };
  if (tally.draft > 0) return { to, label: "Review and approve" };
  if (tally.approved > 0) return { to, label: "Send approved letters" };
  return { to, label: "See the letters" };
}

function tallyDetail(tally: { draft: number; approved: number; sent: number }): string | undefined {
  const parts = [
    tally.draft ? `${count(tally.draft, "draft")} waiting for approval` : "",
    tally.approved ? `${formatNumber(tally.approved)} approved, not sent yet` : "",
    tally.sent ? `${formatNumber(tally.sent)} sent` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
}

/** A section member: each live campaign's letters from their section against its targets, follow-ups due, answers. */
export async function sectionNextSteps({
  organisationId,
  sectionId,
  now = new Date(),
}: {
  organisationId: string;
  sectionId: string;
  now?: Date;
}): Promise<NextStep[]> {
  const section = await prisma.section.findFirst({ where: { id: sectionId, organisationId }, select: { country: true } });
  if (!section) return [];
  const campaigns = await liveCampaigns(organisationId);
  const ids = campaigns.map((c) => c.id);
  const [byStatus, followUps, answers, answersThisWeek, targetCounts] = await Promise.all([
    prisma.letter.groupBy({
      by: ["campaignId", "status"],
      where: { organisationId, sectionId, campaignId: { in: ids } },
      _count: { _all: true },
    }),
    prisma.letter.groupBy({
      by: ["campaignId"],
      where: { organisationId, sectionId, campaignId: { in: ids }, ...awaitingAnswerWhere(now) },
      _count: { _all: true },
    }),
    prisma.response.count({ where: { letter: { organisationId, sectionId, campaign: visibleToMembers } } }),
    prisma.response.count({
      where: { organisationId, createdAt: { gte: new Date(now.getTime() - week) }, letter: { sectionId, campaign: visibleToMembers } },
    }),
    Promise.all(campaigns.map((c) => countCampaignTargets(c, section.country))),
  ]);
  const steps: NextStep[] = campaigns.map((c, i) => {
    const of = (status: string) => byStatus.find((r) => r.campaignId === c.id && r.status === status)?._count._all ?? 0;
    const tally = { draft: of("draft"), approved: of("approved"), sent: of("sent") };
    const targets = targetCounts[i] ?? 0;
    const made = tally.draft + tally.approved + tally.sent;
    return {
      key: `campaign:${c.id}`,
      count: made,
      text: `${c.title} is live: ${formatNumber(made)} of ${count(targets, "letter")} from your section`,
      detail: tallyDetail(tally),
      links: [letterAction(c.id, tally, targets)],
    };
  });
  for (const row of followUps) {
    const campaign = campaigns.find((c) => c.id === row.campaignId);
    if (!campaign) continue;
    steps.push({
      key: `follow-ups:${campaign.id}`,
      count: row._count._all,
      text: `${count(row._count._all, "letter")} on ${campaign.title} got no answer yet`,
      links: [{ to: `/admin/campaigns/${campaign.id}/follow-ups`, label: "Send follow-ups" }],
    });
  }
  steps.push({
    key: "answers",
    count: answers,
    text: `${count(answers, "answer")} to your section's letters${answersThisWeek ? `, ${formatNumber(answersThisWeek)} new this week` : ""}`,
    links: [{ to: `/admin/sections/${sectionId}/dashboard`, label: "Read the answers" }],
  });
  return steps;
}

function senderLabel(sectionId: string | null, sections: Map<string, string>): string {
  return sectionId ? (sections.get(sectionId) ?? "a section") : "the organisation";
}

/** An organiser: what came in today and what waits for a decision, each with where to deal with it. */
export async function organiserNextSteps({
  organisationId,
  now = new Date(),
}: {
  organisationId: string;
  now?: Date;
}): Promise<NextStep[]> {
  const today = now.toISOString().slice(0, 10);
  const campaigns = await liveCampaigns(organisationId);
  const ids = campaigns.map((c) => c.id);
  const titles = new Map(campaigns.map((c) => [c.id, c.title]));
  const [days, pending, drafts, failed, followUps, unfiled, answers, sectionRows] = await Promise.all([
    prisma.campaignDay.findMany({ where: { campaignId: { in: ids }, day: today }, select: { campaignId: true, signatures: true } }),
    // One count per campaign: each is a range of the (campaignId, status, confirmedAt) index.
    Promise.all(ids.map((campaignId) => prisma.signature.count({ where: { campaignId, status: "pending" } }))),
    prisma.letter.groupBy({
      by: ["campaignId", "sectionId"],
      where: { organisationId, campaignId: { in: ids }, status: "draft" },
      _count: { _all: true },
    }),
    prisma.outboxEmail.count({ where: { organisationId, status: "failed" } }),
    prisma.letter.groupBy({
      by: ["campaignId", "sectionId"],
      where: { organisationId, campaignId: { in: ids }, ...awaitingAnswerWhere(now) },
      _count: { _all: true },
    }),
    prisma.response.count({ where: { organisationId, letterId: null } }),
    prisma.response.findMany({
      where: { organisationId, createdAt: { gte: new Date(now.getTime() - week) }, letterId: { not: null } },
      select: { letter: { select: { campaignId: true, campaign: { select: { title: true } } } } },
      take: 10_000,
    }),
    prisma.section.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  const sections = new Map(sectionRows.map((s) => [s.id, s.name]));
  const steps: NextStep[] = [];

  const signaturesToday = days.reduce((sum, d) => sum + d.signatures, 0);
  steps.push({
    key: "signatures-today",
    count: signaturesToday,
    text: `${count(signaturesToday, "signature")} confirmed today`,
    links: days
      .filter((d) => d.signatures > 0)
      .map((d) => ({
        to: `/admin/campaigns/${d.campaignId}/signatures`,
        label: `${titles.get(d.campaignId) ?? ""}: ${formatNumber(d.signatures)}`,
      })),
  });

  const pendingTotal = pending.reduce((sum, n) => sum + n, 0);
  steps.push({
    key: "signatures-pending",
    count: pendingTotal,
    text: `${count(pendingTotal, "signature")} waiting for the signer to confirm by email`,
    links: ids.flatMap((id, i) =>
      (pending[i] ?? 0) > 0
        ? [{ to: `/admin/campaigns/${id}/signatures`, label: `${titles.get(id) ?? ""}: ${formatNumber(pending[i] ?? 0)}` }]
        : [],
    ),
  });

  const draftTotal = drafts.reduce((sum, d) => sum + d._count._all, 0);
  steps.push({
    key: "letters-draft",
    count: draftTotal,
    text: `${count(draftTotal, "letter")} waiting for approval`,
    links: drafts.map((d) => ({
      to: `/admin/campaigns/${d.campaignId}/letters?sender=${d.sectionId ?? "organisation"}`,
      label: `${titles.get(d.campaignId) ?? ""}, from ${senderLabel(d.sectionId, sections)}: ${formatNumber(d._count._all)}`,
    })),
  });

  const followUpTotal = followUps.reduce((sum, d) => sum + d._count._all, 0);
  steps.push({
    key: "follow-ups",
    count: followUpTotal,
    text: `${count(followUpTotal, "letter")} past the follow-up date with no answer`,
    links: followUps.map((d) => ({
      to: `/admin/campaigns/${d.campaignId}/follow-ups?sender=${d.sectionId ?? "organisation"}`,
      label: `${titles.get(d.campaignId) ?? ""}, from ${senderLabel(d.sectionId, sections)}: ${formatNumber(d._count._all)}`,
    })),
  });

  const perCampaign = new Map<string, { title: string; n: number }>();
  for (const a of answers) {
    if (!a.letter) continue;
    const seen = perCampaign.get(a.letter.campaignId) ?? { title: a.letter.campaign.title, n: 0 };
    perCampaign.set(a.letter.campaignId, { ...seen, n: seen.n + 1 });
  }
  steps.push({
    key: "answers",
    count: answers.length,
    text: `${count(answers.length, "answer")} to letters recorded in the last 7 days`,
    links: [...perCampaign].map(([campaignId, { title, n }]) => ({
      to: `/admin/campaigns/${campaignId}/dashboard`,
      label: `${title}: ${formatNumber(n)}`,
    })),
  });

  steps.push({
    key: "replies-unfiled",
    count: unfiled,
    text: `${count(unfiled, "email reply", "email replies")} matching no letter, waiting to be filed`,
    links: unfiled ? [{ to: "/admin/responses", label: "File them in the inbox" }] : [],
  });

  steps.push({
    key: "emails-failed",
    count: failed,
    text: `${count(failed, "email")} could not be sent`,
    links: failed ? [{ to: "/admin/outbox", label: "See why and try again" }] : [],
  });
  return steps;
}

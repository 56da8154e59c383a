// What sharing a campaign needs to know: its public address, title and count (share page, the
// links' tags, Open Graph tags and the share image).
import { prisma } from "~/db.server";
import type { ShareImageContent } from "~/growth/share-image.server";
import { shareLinks } from "~/growth/share";

/** A public (live or closed) campaign on a public case, or null. */
export async function campaignForSharing(slug: string) {
  return prisma.campaign.findFirst({
    where: { slug, status: { in: ["live", "closed"] }, case: { status: { not: "draft" } } },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      status: true,
      petitionText: true,
      signatureCount: true,
      signatureGoal: true,
      case: { select: { slug: true, title: true } },
    },
  });
}

export function campaignUrl(appUrl: string, slug: string): string {
  return `${appUrl}/campaigns/${slug}`;
}

export function campaignShareLinks(appUrl: string, campaign: { slug: string; title: string }) {
  return shareLinks(campaignUrl(appUrl, campaign.slug), campaign.title);
}

/** The people at risk of a case, by name, in the case's order. */
function peopleNames(caseId: string) {
  return prisma.person
    .findMany({ where: { caseId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { name: true }, take: 8 })
    .then((people) => people.map((p) => p.name));
}

/** What a campaign's share image shows, or null when the campaign is not public. */
export async function campaignImageContent(slug: string): Promise<ShareImageContent | null> {
  const campaign = await prisma.campaign.findFirst({
    where: { slug, status: { in: ["live", "closed"] }, case: { status: { not: "draft" } } },
    select: { title: true, petitionText: true, signatureCount: true, signatureGoal: true, caseId: true },
  });
  if (!campaign) return null;
  const hasPetition = campaign.petitionText !== null;
  return {
    label: hasPetition ? "Petition" : "Campaign",
    title: campaign.title,
    names: await peopleNames(campaign.caseId),
    count: hasPetition ? campaign.signatureCount : null,
    goal: hasPetition ? campaign.signatureGoal : null,
  };
}

/** What a case's share image shows: its people, and the signatures of its public petitions together. */
export async function caseImageContent(slug: string): Promise<ShareImageContent | null> {
  const found = await prisma.case.findFirst({
    where: { slug, status: { in: ["active", "closed"] } },
    select: {
      id: true,
      title: true,
      campaigns: { where: { status: { in: ["live", "closed"] }, petitionText: { not: null } }, select: { signatureCount: true } },
    },
  });
  if (!found) return null;
  return {
    label: "Case",
    title: found.title,
    names: await peopleNames(found.id),
    count: found.campaigns.length ? found.campaigns.reduce((sum, c) => sum + c.signatureCount, 0) : null,
    goal: null,
  };
}

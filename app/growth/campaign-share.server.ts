// What sharing a campaign needs to know: its public address, title and count (share page, the
// links' tags, Open Graph tags and the share image).
import { prisma } from "~/db.server";
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

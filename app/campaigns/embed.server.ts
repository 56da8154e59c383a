// Which sites may frame a campaign's embed page (read by the security headers of every response
// to /campaigns/:slug/embed), and saving that list from the campaign's settings.
import { prisma } from "~/db.server";
import { decodeOrigins } from "~/campaigns/embed";

const EMBED_PATH = /^\/campaigns\/([^/]+)\/embed\/?$/;

/** The campaign slug of an embed page's path, or null for every other path. */
export function embedSlug(path: string): string | null {
  return EMBED_PATH.exec(path)?.[1] ?? null;
}

/**
 * The CSP frame-ancestors sources for a campaign's embed page: its listed sites, or 'none' (an
 * unknown, draft or unlisted campaign cannot be framed, like every other page).
 */
export async function frameAncestorsFor(slug: string): Promise<string> {
  if (slug.length > 80) return "'none'";
  const campaign = await prisma.campaign.findFirst({
    where: { slug, status: { in: ["live", "closed"] } },
    select: { embedOrigins: true },
  });
  const origins = campaign ? decodeOrigins(campaign.embedOrigins) : [];
  return origins.length ? origins.join(" ") : "'none'";
}

export async function saveEmbedOrigins(campaignId: string, origins: string[]): Promise<void> {
  await prisma.campaign.update({ where: { id: campaignId }, data: { embedOrigins: origins.join("\n") } });
}

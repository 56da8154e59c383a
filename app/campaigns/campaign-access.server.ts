// Loading a campaign for the person asking: organisers get any of their organisation's campaigns;
// section members only live ones, and only to work on their own section's letters.
import { notFoundUnless, requireOrganiser } from "~/auth/permissions.server";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getCampaign } from "~/campaigns/campaign.server";
import { IdSchema, paramOr404 } from "~/security/params.server";

export async function requireOrganiserCampaign(request: Request, campaignIdParam: string | undefined) {
  const user = await requireOrganiser(request);
  const campaignId = paramOr404(IdSchema, campaignIdParam, "No such campaign in your organisation.");
  const campaign = await getCampaign({ campaignId, organisationId: user.organisationId });
  notFoundUnless(campaign, "No such campaign in your organisation.");
  return { user, campaign };
}

/** For the letters pages: who is asking, and as which sender they act. */
export async function requireLetterWriter(request: Request, campaignIdParam: string | undefined, requestedSender: string | null) {
  const user = await requireUser(request);
  const campaignId = paramOr404(IdSchema, campaignIdParam, "No such campaign.");
  const campaign = await getCampaign({ campaignId, organisationId: user.organisationId });
  const organiser = canManageCases(user.role);
  notFoundUnless(campaign, "No such campaign.");
  if (!organiser && campaign.status !== "live") throw new Response("No such campaign.", { status: 404 });
  if (!organiser) {
    if (!user.sectionId) throw new Response("Your account belongs to no section.", { status: 403 });
    return { user, campaign, organiser, sectionId: user.sectionId };
  }
  // Organisers write as the organisation, or on behalf of one of its sections.
  const sectionId = requestedSender && requestedSender !== "organisation" ? requestedSender : null;
  return { user, campaign, organiser, sectionId };
}

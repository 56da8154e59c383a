// The answers to a campaign's letters as CSV, streamed page by page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { responsesCsvStream } from "~/dashboard/dashboard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  return new Response(responsesCsvStream({ organisationId: user.organisationId, campaignId: campaign.id }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="responses-${campaign.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

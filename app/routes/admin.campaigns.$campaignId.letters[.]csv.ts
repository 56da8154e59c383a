// A campaign's letters with their delivery status as CSV, streamed page by page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { lettersCsvStream } from "~/dashboard/dashboard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  return new Response(lettersCsvStream({ organisationId: user.organisationId, campaignId: campaign.id }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="letters-${campaign.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

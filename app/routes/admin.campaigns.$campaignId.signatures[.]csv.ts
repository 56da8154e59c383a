// The petition's signatures as CSV, streamed: memory stays flat whatever the number of rows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { filtersFrom, signaturesCsvStream } from "~/petitions/signature-admin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireOrganiserCampaign(request, params.campaignId);
  return new Response(signaturesCsvStream(campaign.id, filtersFrom(new URL(request.url))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="signatures-${campaign.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

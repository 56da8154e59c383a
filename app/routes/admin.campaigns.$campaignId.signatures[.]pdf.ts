// The petition to hand in, as a PDF: organisation, text, count, totals per country, and the names
// that may be shown.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { renderHandInPdf } from "~/petitions/hand-in-pdf.server";
import { handInContents } from "~/petitions/signature-admin.server";
import { formatPartialDate, todayIso } from "~/ui/format";

/** A PDF of tens of thousands of names is already a book; beyond that, the count says the rest. */
const MAX_NAMES = 20_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  if (!campaign.petitionText) throw new Response("This campaign has no petition.", { status: 404 });
  const contents = await handInContents({ organisationId: user.organisationId, campaignId: campaign.id, maxNames: MAX_NAMES });
  const pdf = await renderHandInPdf({
    ...contents,
    title: campaign.title,
    petitionText: campaign.petitionText,
    count: campaign.signatureCount,
    generatedOn: formatPartialDate(todayIso()),
  });
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="petition-${campaign.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

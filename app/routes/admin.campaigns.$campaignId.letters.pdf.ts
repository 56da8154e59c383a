// All of a sender's letters for a campaign in one PDF, a letter a page, for post and fax.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLetterWriter } from "~/campaigns/campaign-access.server";
import { appUrl } from "~/env.server";
import { printableLetters } from "~/letters/letter.server";
import { renderLettersPdf } from "~/letters/pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { user, campaign, sectionId } = await requireLetterWriter(request, params.campaignId, url.searchParams.get("sender"));
  const pages = await printableLetters({
    organisationId: user.organisationId,
    campaignId: campaign.id,
    sectionId,
    appUrl: appUrl(request),
  });
  if (pages.length === 0) throw new Response("There are no letters to print yet: generate them first.", { status: 404 });
  const pdf = await renderLettersPdf(pages);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="letters-${campaign.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// A sender's letters for a campaign in one PDF, a letter a page, for post: only the letters whose
// target has a postal address.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLetterWriter } from "~/campaigns/campaign-access.server";
import { appUrl } from "~/env.server";
import { postCounts, printableLetters } from "~/letters/letter.server";
import { renderLettersPdf } from "~/letters/pdf.server";

const text = { "Content-Type": "text/plain; charset=utf-8" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { user, campaign, sectionId } = await requireLetterWriter(request, params.campaignId, url.searchParams.get("sender"));
  const scope = { organisationId: user.organisationId, campaignId: campaign.id, sectionId };
  const pages = await printableLetters({ ...scope, appUrl: appUrl(request) });
  if (pages.length === 0) {
    const { withoutAddress } = await postCounts(scope);
    if (withoutAddress === 0) throw new Response("There are no letters to print yet: generate them first.", { status: 404, headers: text });
    throw new Response(
      "None of these letters can be printed for post: their targets have no postal address. Add the addresses in the targets directory, then print again.",
      { status: 409, headers: text },
    );
  }
  const pdf = await renderLettersPdf(pages);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="letters-${campaign.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

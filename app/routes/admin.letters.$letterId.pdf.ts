// One letter as an A4 PDF, for post or fax.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { appUrl } from "~/env.server";
import { requireLetter } from "~/letters/letter-access.server";
import { printableLetters } from "~/letters/letter.server";
import { renderLettersPdf } from "~/letters/pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, letter } = await requireLetter(request, params.letterId);
  const pages = await printableLetters({ organisationId: user.organisationId, letterIds: [letter.id], appUrl: appUrl(request) });
  const pdf = await renderLettersPdf(pages);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="letter-${letter.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

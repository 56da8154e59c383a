// One letter as an A4 PDF for post, only when its target has a postal address.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { appUrl } from "~/env.server";
import { requireLetter } from "~/letters/letter-access.server";
import { hasPostalAddress, printableLetters } from "~/letters/letter.server";
import { renderLettersPdf } from "~/letters/pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, letter } = await requireLetter(request, params.letterId);
  if (!hasPostalAddress(letter.target))
    throw new Response(
      `This letter cannot be printed for post: ${letter.target.name} has no postal address. Add it in the targets directory, then print again.`,
      { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
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

// The link in the confirmation email opens this page; only its button confirms (mail scanners
// open links before people do, and a GET must change nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { campaignShareLinks } from "~/growth/campaign-share.server";
import { NextSteps } from "~/growth/components/next-steps";
import { confirmSignature, signatureByToken } from "~/petitions/signature.server";
import { ErrorMessage } from "~/ui/error-message";
import { counted, SIGNED } from "~/ui/plural";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Confirm your signature" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const signature = await signatureByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(signature, "This link is not valid any more.");
  if (signature.erasedAt) throw new Response("This signature's data was deleted.", { status: 404 });
  return {
    campaign: signature.campaign,
    confirmed: signature.status === "confirmed",
    // Once confirmed, the page asks for the next step: share the campaign, then write a letter.
    links: campaignShareLinks(appUrl(request), signature.campaign),
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const outcome = await confirmSignature(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  if (outcome === "not-found") throw new Response("This link is not valid any more.", { status: 404 });
  const signature = await signatureByToken(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  return json({ outcome, count: signature?.campaign.signatureCount ?? 0 });
}

export default function ConfirmSignature() {
  const { campaign, confirmed, links } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result || confirmed) {
    return (
      <>
        <h1>Thank you: your signature counts</h1>
        <p role="status">
          {result?.outcome === "already-confirmed" || (!result && confirmed)
            ? "Your signature was already confirmed; it counts once."
            : `Your signature on “${campaign.title}” is confirmed.`}{" "}
          {result ? `${counted(result.count, SIGNED)} so far.` : null}
        </p>
        <NextSteps links={links} campaignSlug={campaign.slug} live={campaign.status === "live"} />
        <p>
          <Link to={`/campaigns/${campaign.slug}`}>Back to the campaign</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Confirm your signature</h1>
      <p>On the petition “{campaign.title}”.</p>
      <Form method="post">
        <button type="submit">Confirm my signature</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

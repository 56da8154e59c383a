// After signing: "check your inbox", then the next step (share the campaign, write a letter).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { campaignForSharing, campaignShareLinks } from "~/growth/campaign-share.server";
import { NextSteps } from "~/growth/components/next-steps";
import { paramOr404, SlugSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { counted, SIGNED } from "~/ui/plural";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await campaignForSharing(paramOr404(SlugSchema, params.slug, "No such campaign."));
  notFoundUnless(campaign, "No such campaign.");
  const signed = new URL(request.url).searchParams.get("signed") === "check-email";
  return {
    campaign: { slug: campaign.slug, title: campaign.title, live: campaign.status === "live", count: campaign.signatureCount },
    links: campaignShareLinks(appUrl(request), campaign),
    signed,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Share: ${data.campaign.title}` : "Campaign not found" },
  { name: "robots", content: "noindex" },
];

export default function ShareCampaign() {
  const { campaign, links, signed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{signed ? "Thank you for signing" : `Share: ${campaign.title}`}</h1>
      {signed ? (
        <p className="notice" role="status">
          Check your inbox: we sent you an email about your signature on “{campaign.title}”. A new signature counts once you confirm it with
          the link in it.
        </p>
      ) : null}
      <p>{counted(campaign.count, SIGNED)} so far.</p>
      <NextSteps links={links} campaignSlug={campaign.slug} live={campaign.live} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

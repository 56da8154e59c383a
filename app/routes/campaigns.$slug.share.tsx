// After signing: "check your inbox", then the next step (share the campaign, write a letter).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { campaignForSharing, campaignShareLinks } from "~/growth/campaign-share.server";
import { NextSteps } from "~/growth/components/next-steps";
import { paramOr404, SlugSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { useTranslation } from "react-i18next";
import { formatNumberIn } from "~/i18n/format";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";

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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: tFor(languageOfPage(matches))(data ? "share.pageTitle" : "campaign.notFound", { title: data?.campaign.title }) },
  { name: "robots", content: "noindex" },
];

export default function ShareCampaign() {
  const { campaign, links, signed } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{signed ? t("share.thanksHeading") : t("share.pageTitle", { title: campaign.title })}</h1>
      {signed ? (
        <p className="notice" role="status">
          {t("share.checkEmail", { title: campaign.title })}
        </p>
      ) : null}
      <p>{t("confirm.countSoFar", { count: campaign.count, formatted: formatNumberIn(i18n.language, campaign.count) })}</p>
      <NextSteps links={links} campaignSlug={campaign.slug} live={campaign.live} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

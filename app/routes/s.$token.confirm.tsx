// The link in the confirmation email opens this page; only its button confirms (mail scanners
// open links before people do, and a GET must change nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumberIn } from "~/i18n/format";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { campaignShareLinks } from "~/growth/campaign-share.server";
import { NextSteps } from "~/growth/components/next-steps";
import { confirmSignature, signatureByToken } from "~/petitions/signature.server";
import { ErrorMessage } from "~/ui/error-message";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = ({ matches }) => [
  { title: tFor(languageOfPage(matches))("confirm.pageTitle") },
  { name: "robots", content: "noindex" },
];

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
  const { t, i18n } = useTranslation();
  if (result || confirmed) {
    return (
      <>
        <h1>{t("confirm.thanksHeading")}</h1>
        <p role="status">
          {result?.outcome === "already-confirmed" || (!result && confirmed)
            ? t("confirm.alreadyConfirmed")
            : t("confirm.confirmed", { title: campaign.title })}{" "}
          {result ? t("confirm.countSoFar", { count: result.count, formatted: formatNumberIn(i18n.language, result.count) }) : null}
        </p>
        <NextSteps links={links} campaignSlug={campaign.slug} live={campaign.status === "live"} />
        <p>
          <Link to={`/campaigns/${campaign.slug}`}>{t("confirm.backToCampaign")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("confirm.heading")}</h1>
      <p>{t("confirm.onPetition", { title: campaign.title })}</p>
      <Form method="post">
        <button type="submit">{t("confirm.button")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

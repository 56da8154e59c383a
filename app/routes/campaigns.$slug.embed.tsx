// A campaign's sign form, compact, for other sites to embed in an <iframe> (only the sites its
// organisers list may: app/security/security-headers.server.ts). Signing here goes through the same
// path as the campaign page and counts once; the thank-you shows in the frame, and every link opens
// a new tab. No cookie is needed: the form's stamp is a signed field of the form itself, so the
// form works in a frame on another site, where browsers send no cookies of ours.
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { languageOfPage } from "~/i18n/meta";
import { languageOf } from "~/i18n/i18n.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { campaignPage } from "~/petitions/campaign-page.server";
import { SignForm } from "~/petitions/components/sign-form";
import { formStamp } from "~/security/crypto.server";
import { SlugSchema, paramOr404 } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { retryAfterHeaders } from "~/ui/headers";
import { ProgressBar } from "~/ui/progress-bar";
import { signFromForm } from "~/petitions/sign-action.server";

/** The root layout leaves out the site's header and footer: the frame shows the form only. */
export const handle = { bare: true };

export const headers = retryAfterHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await campaignPage(paramOr404(SlugSchema, params.slug, "No such campaign."), await languageOf(request));
  notFoundUnless(page, "No such campaign.");
  const c = page.campaign;
  return {
    campaign: {
      slug: c.slug,
      title: c.title,
      callToAction: c.callToAction,
      status: c.status,
      petitionText: c.petitionText,
      signatureCount: c.signatureCount,
      signatureGoal: c.signatureGoal,
    },
    stamp: formStamp(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = tFor(languageOfPage(matches));
  return [
    { title: data ? t("embed.title", { title: data.campaign.title }) : t("campaign.notFound") },
    { name: "robots", content: "noindex" },
  ];
};

// Signed in the frame, thanked in the frame.
export function action(args: ActionFunctionArgs) {
  return signFromForm(args, (slug) => `/campaigns/${slug}/embed`);
}

/** A link out of the frame: a new tab, which gets no handle on the embedding page. */
function OutLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

export default function EmbeddedSignForm() {
  const { campaign, stamp } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const signed = params.get("signed") === "check-email";
  const page = `/campaigns/${campaign.slug}`;
  const { t } = useTranslation();
  return (
    <div className="embed stack">
      <h1>{campaign.title}</h1>
      {campaign.petitionText ? <ProgressBar value={campaign.signatureCount} goal={campaign.signatureGoal} /> : null}
      {signed ? (
        <div className="notice" role="status">
          <p>{t("campaign.checkEmail")}</p>
          <p>
            <OutLink href={`${page}/write`}>{t("embed.writeToo")}</OutLink> · <OutLink href={page}>{t("embed.readMore")}</OutLink>
          </p>
        </div>
      ) : null}
      {!signed && campaign.petitionText && campaign.status === "live" ? (
        <>
          <p className="lead">{campaign.callToAction}</p>
          <details>
            <summary>{t("embed.whatYouSign")}</summary>
            <blockquote>{campaign.petitionText}</blockquote>
          </details>
          <SignForm stamp={stamp} failure={failureData} />
        </>
      ) : null}
      {!signed && (!campaign.petitionText || campaign.status !== "live") ? <p className="notice">{t("errors.petitionClosed")}</p> : null}
      <p className="muted">
        {t("layout.brand")} · <OutLink href={page}>{t("embed.wholeCampaign")}</OutLink>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

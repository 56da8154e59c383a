// The public campaign page: who is at risk and why, the demands, the petition and its count, the
// latest signers who agreed to be shown, and the form to sign.
import type { LinksFunction, ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { countryNameIn, formatDateTimeIn } from "~/i18n/format";
import { languageOfPage } from "~/i18n/meta";
import { languageOf } from "~/i18n/i18n.server";
import { notFoundUnless } from "~/auth/permissions.server";
import { appUrl } from "~/env.server";
import { UntranslatedNote } from "~/content/untranslated-note";
import { SignForm } from "~/petitions/components/sign-form";
import { campaignPage } from "~/petitions/campaign-page.server";
import { formStamp } from "~/security/crypto.server";
import { ErrorMessage } from "~/ui/error-message";
import { ProgressBar } from "~/ui/progress-bar";
import { StatusBadge } from "~/ui/status-badge";
import { retryAfterHeaders } from "~/ui/headers";
import { SlugSchema, paramOr404 } from "~/security/params.server";
import { shareChannel, shareMeta, SOURCE_FIELD } from "~/growth/share";
import printStyles from "~/styles/print.css";
import { signFromForm } from "~/petitions/sign-action.server";

/** Anonymous visitors get this page from memory, re-rendered every few seconds (app/serving/public-pages.server.ts). */
export const handle = { publicPage: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await campaignPage(paramOr404(SlugSchema, params.slug, "No such campaign."), await languageOf(request));
  notFoundUnless(page, "No such campaign.");
  // Which shared link brought the visitor (?src=telegram): kept through the form onto the signature.
  const source = shareChannel(new URL(request.url).searchParams.get(SOURCE_FIELD));
  const base = appUrl(request);
  const share = { pageUrl: `${base}/campaigns/${page.campaign.slug}`, imageUrl: `${base}/campaigns/${page.campaign.slug}/share.png` };
  return { ...page, stamp: formStamp(), source, share };
}

// Printed, the page drops the navigation, forms and buttons and shows where each link goes.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = tFor(languageOfPage(matches));
  return data
    ? [
        { title: t("campaign.title", { title: data.campaign.title }) },
        { name: "description", content: data.campaign.summary.slice(0, 160) },
        ...shareMeta({ title: data.campaign.title, description: data.campaign.callToAction.slice(0, 200), ...data.share }),
      ]
    : [{ title: t("campaign.notFound") }];
};

// One answer for every address, whatever its state: what differs goes to the address by email.
const messages = { "check-email": "campaign.checkEmail" } as const;

export const headers = retryAfterHeaders;

// The same next page for every address: "check your inbox", then share and write.
export function action(args: ActionFunctionArgs) {
  return signFromForm(args, (slug) => `/campaigns/${slug}/share`);
}

export default function CampaignPage() {
  const { campaign, signers, stamp, source, untranslatedIn } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const signed = params.get("signed");
  const { t } = useTranslation();
  const message = signed && signed in messages ? t(messages[signed as keyof typeof messages]) : null;
  const c = campaign.case;
  return (
    <article>
      <h1>{campaign.title}</h1>
      <UntranslatedNote language={untranslatedIn} />
      <p className="lead">{campaign.callToAction}</p>
      {campaign.status === "closed" ? <p className="notice">{t("campaign.closed")}</p> : null}
      <p>{campaign.summary}</p>

      {campaign.petitionText ? <ProgressBar value={campaign.signatureCount} goal={campaign.signatureGoal} /> : null}
      {campaign.status === "live" ? (
        // On a phone the form is far below the people and demands: the two actions are reachable at once.
        <p className="actions">
          {campaign.petitionText ? (
            <a className="button" href="#sign">
              {t("campaign.signCta")}
            </a>
          ) : null}
          <Link className="button secondary" to="write">
            {t("campaign.writeCta")}
          </Link>
        </p>
      ) : null}

      {c.updates.length ? (
        <section aria-labelledby="news">
          <h2 id="news">{t("campaign.news")}</h2>
          {c.updates.map((u) => (
            <article key={u.id} className="card">
              <h3>{u.title}</h3>
              <p className="muted">{formatDateTimeIn(t, u.publishedAt)}</p>
              <p className="keep-lines">{u.body}</p>
            </article>
          ))}
        </section>
      ) : null}

      <h2>{t("campaign.atRisk")}</h2>
      <ul>
        {c.people.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> <StatusBadge status={p.status} />
            {p.heldAt ? ` · ${t("campaign.heldAt", { place: p.heldAt })}` : ""}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/cases/${c.slug}`}>{t("campaign.wholeCase")}</Link>
      </p>

      <h2>{t("campaign.demands")}</h2>
      <ul>
        {c.demands.map((d) => (
          <li key={d.id}>{d.text}</li>
        ))}
      </ul>

      {campaign.petitionText ? (
        <section aria-labelledby="sign" className="card">
          <h2 id="sign">{t("campaign.signHeading")}</h2>
          <blockquote>{campaign.petitionText}</blockquote>
          {message ? (
            <p className="notice" role="status">
              {message}
            </p>
          ) : null}
          {campaign.status === "live" ? <SignForm stamp={stamp} failure={failureData} source={source} /> : null}
        </section>
      ) : null}

      {signers.length ? (
        <section aria-labelledby="signers">
          <h2 id="signers">{t("campaign.recentSigners")}</h2>
          <ul className="signers">
            {signers.map((s, i) => (
              <li key={i}>{t("campaign.signer", { firstName: s.firstName, country: countryNameIn(t, s.country) })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {campaign.status === "live" ? (
        <section aria-labelledby="write" className="card">
          <h2 id="write">{t("campaign.writeHeading")}</h2>
          <p>{t("campaign.writeText")}</p>
          <p>
            <Link className="button secondary" to="write">
              {t("campaign.writeButton")}
            </Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublicCases } from "~/cases/case.server";
import { useTranslation } from "react-i18next";
import { tFor } from "~/i18n/i18n";
import { formatPartialDateIn } from "~/i18n/format";
import { languageOfPage } from "~/i18n/meta";
import { ProgressBar } from "~/ui/progress-bar";
import { StatusBadge } from "~/ui/status-badge";

export const meta: MetaFunction = ({ matches }) => {
  const t = tFor(languageOfPage(matches));
  return [{ title: t("home.title") }, { name: "description", content: t("home.description") }];
};

/** Anonymous visitors get this page from memory, re-rendered every few seconds (app/serving/public-pages.server.ts). */
export const handle = { publicPage: true };

export async function loader() {
  const cases = await listPublicCases();
  // Live campaigns lead the page: on a phone the one thing a visitor can do now must come first,
  // not 2,600 px down under the cases.
  const campaigns = cases.flatMap((c) =>
    c.campaigns.map((campaign) => ({ ...campaign, caseTitle: c.title, petition: campaign.petitionText !== null })),
  );
  return {
    campaigns: campaigns.map(({ petitionText: _text, ...campaign }) => campaign),
    cases,
  };
}

export default function Index() {
  const { campaigns, cases } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("home.heading")}</h1>
      {campaigns.length ? (
        <section aria-labelledby="act-now">
          <h2 id="act-now">{t("home.actNow")}</h2>
          <ul className="campaign-list">
            {campaigns.map((campaign) => (
              <li key={campaign.slug} className="card campaign-card">
                <h3>
                  <Link to={`/campaigns/${campaign.slug}`}>{campaign.title}</Link>
                </h3>
                <p>{campaign.callToAction}</p>
                {campaign.petition ? <ProgressBar value={campaign.signatureCount} goal={campaign.signatureGoal} /> : null}
                <p className="actions">
                  {campaign.petition ? (
                    <Link
                      className="button"
                      to={`/campaigns/${campaign.slug}#sign`}
                      aria-label={t("home.signLabel", { title: campaign.title })}
                    >
                      {t("home.sign")}
                    </Link>
                  ) : null}
                  <Link
                    className="button secondary"
                    to={`/campaigns/${campaign.slug}/write`}
                    aria-label={t("home.writeLabel", { title: campaign.title })}
                  >
                    {t("home.write")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="lead">{t("home.lead")}</p>
      {cases.length === 0 ? <p>{t("home.noCases")}</p> : null}
      <ul className="case-list">
        {cases.map((c) => (
          <li key={c.slug} className="card">
            <h2>
              <Link to={`/cases/${c.slug}`}>{c.title}</Link>
            </h2>
            {c.startedOn ? <p className="muted">{t("home.since", { date: formatPartialDateIn(t, c.startedOn) })}</p> : null}
            <p>{c.summary}</p>
            {c.campaigns.map((campaign) => (
              <p key={campaign.slug}>
                <Link to={`/campaigns/${campaign.slug}`}>{t("home.act", { title: campaign.title })}</Link>
              </p>
            ))}
            <ul className="people-inline" aria-label={t("home.atRisk")}>
              {c.people.map((p) => (
                <li key={p.name}>
                  {p.name} <StatusBadge status={p.status} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

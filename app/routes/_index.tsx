import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublicCases } from "~/cases/case.server";
import { formatPartialDate } from "~/ui/format";
import { ProgressBar } from "~/ui/progress-bar";
import { StatusBadge } from "~/ui/status-badge";

export const meta: MetaFunction = () => [
  { title: "Solidarity letters: cases" },
  { name: "description", content: "People persecuted for peaceful protest, and how to write for them." },
];

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
  return (
    <>
      <h1>People at risk for peaceful protest</h1>
      {campaigns.length ? (
        <section aria-labelledby="act-now">
          <h2 id="act-now">Act now</h2>
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
                    <Link className="button" to={`/campaigns/${campaign.slug}#sign`} aria-label={`Sign: ${campaign.title}`}>
                      Sign
                    </Link>
                  ) : null}
                  <Link
                    className="button secondary"
                    to={`/campaigns/${campaign.slug}/write`}
                    aria-label={`Write a letter: ${campaign.title}`}
                  >
                    Write a letter
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="lead">
        Each case below tells who is at risk, what happened, the charges and what we ask for, with the source of every fact.
      </p>
      {cases.length === 0 ? <p>No active cases at the moment.</p> : null}
      <ul className="case-list">
        {cases.map((c) => (
          <li key={c.slug} className="card">
            <h2>
              <Link to={`/cases/${c.slug}`}>{c.title}</Link>
            </h2>
            {c.startedOn ? <p className="muted">Since {formatPartialDate(c.startedOn)}</p> : null}
            <p>{c.summary}</p>
            {c.campaigns.map((campaign) => (
              <p key={campaign.slug}>
                <Link to={`/campaigns/${campaign.slug}`}>Act: {campaign.title}</Link>
              </p>
            ))}
            <ul className="people-inline" aria-label="People at risk">
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

import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublicCases } from "~/cases/case.server";
import { formatPartialDate } from "~/ui/format";
import { StatusBadge } from "~/ui/status-badge";

export const meta: MetaFunction = () => [
  { title: "Solidarity letters: cases" },
  { name: "description", content: "People persecuted for peaceful protest, and how to write for them." },
];

/** Anonymous visitors get this page from memory, re-rendered every few seconds (app/serving/public-pages.server.ts). */
export const handle = { publicPage: true };

export async function loader() {
  return { cases: await listPublicCases() };
}

export default function Index() {
  const { cases } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>People at risk for peaceful protest</h1>
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
                <Link className="button" to={`/campaigns/${campaign.slug}`}>
                  Act: {campaign.title}
                </Link>
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

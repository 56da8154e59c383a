import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { getPublicCase } from "~/cases/case.server";
import { SourceRef } from "~/cases/components/source-ref";
import { ErrorMessage } from "~/ui/error-message";
import { formatDateTime, formatPartialDate } from "~/ui/format";
import { StatusBadge } from "~/ui/status-badge";
import { SlugSchema, paramOr404 } from "~/security/params.server";

/** Anonymous visitors get this page from memory, re-rendered every few seconds (app/serving/public-pages.server.ts). */
export const handle = { publicPage: true };

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = paramOr404(SlugSchema, params.slug, "No such case.");
  const found = await getPublicCase(slug);
  notFoundUnless(found, "No such case.");
  return { case: found };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.case.title}: Solidarity letters` : "Case not found" },
  { name: "description", content: data?.case.summary.slice(0, 160) ?? "" },
];

export default function CasePage() {
  const { case: c } = useLoaderData<typeof loader>();
  const numbers = new Map(c.sources.map((s, i) => [s.id, i + 1]));
  return (
    <article>
      <h1>{c.title}</h1>
      {c.status === "closed" ? <p className="notice">This case is closed: we no longer campaign on it.</p> : null}
      <p className="lead">{c.summary}</p>
      {c.campaigns.map((campaign) => (
        <p key={campaign.slug} className="card">
          <strong>{campaign.callToAction}</strong>{" "}
          <Link className="button" to={`/campaigns/${campaign.slug}`}>
            {campaign.title}
          </Link>
        </p>
      ))}

      {c.updates.length ? (
        <section aria-labelledby="updates">
          <h2 id="updates">News</h2>
          {c.updates.map((u) => (
            <article key={u.id} className="card">
              <h3>{u.title}</h3>
              <p className="muted">{formatDateTime(u.publishedAt)}</p>
              <p className="keep-lines">{u.body}</p>
            </article>
          ))}
        </section>
      ) : null}

      <h2 id="people">People at risk</h2>
      {c.people.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`person-${p.id}`}>
          <h3 id={`person-${p.id}`}>
            {p.name} <StatusBadge status={p.status} />
          </h3>
          <p>{p.description}</p>
          <dl className="facts">
            {p.statusSince ? (
              <>
                <dt>Status since</dt>
                <dd>{formatPartialDate(p.statusSince)}</dd>
              </>
            ) : null}
            {p.heldAt ? (
              <>
                <dt>Held at</dt>
                <dd>{p.heldAt}</dd>
              </>
            ) : null}
          </dl>
          {p.charges.length ? (
            <>
              <h4>Charges</h4>
              <ul>
                {p.charges.map((ch) => (
                  <li key={ch.id}>
                    <strong>
                      Article {ch.article} of the {ch.law}
                    </strong>
                    : {ch.description} <SourceRef source={ch.source} numbers={numbers} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {p.statusChanges.length ? (
            <details>
              <summary>Status history</summary>
              <ul>
                {p.statusChanges.map((s) => (
                  <li key={s.id}>
                    <time dateTime={s.occurredOn}>{formatPartialDate(s.occurredOn)}</time>: <StatusBadge status={s.status} /> {s.note}{" "}
                    <SourceRef source={s.source} numbers={numbers} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}

      <h2 id="timeline">What happened</h2>
      <ol className="timeline">
        {c.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.occurredOn}>{formatPartialDate(e.occurredOn)}</time>
            {e.description} <SourceRef source={e.source} numbers={numbers} />
          </li>
        ))}
      </ol>

      <h2 id="demands">What we ask</h2>
      <ul>
        {c.demands.map((d) => (
          <li key={d.id}>
            {d.text} {d.source ? <SourceRef source={d.source} numbers={numbers} /> : null}
          </li>
        ))}
      </ul>

      <h2 id="sources">Sources</h2>
      <ol className="sources-list">
        {c.sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            , {s.publisher}
            {s.publishedOn ? `, ${formatPartialDate(s.publishedOn)}` : ""}
            {s.reference ? <span className="source-ref"> (ref. {s.reference})</span> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

// A section's dashboard: its letters in each campaign, what became of them, and the answers they got.
// Organisers see any section of their organisation; a section member only their own.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { deliveryColors, formatCount, formatPercent, HorizontalBarChart } from "~/dashboard/charts";
import { requireSectionViewer, SECTION_ANSWERS_SHOWN, sectionDashboard } from "~/dashboard/dashboard.server";
import { formatReceivedAt, responseChannelLabels, responseKindLabels } from "~/responses/response.schema";
import dashboardStyles from "~/styles/dashboard.css";
import { targetKindLabel } from "~/targets/target.schema";
import { ErrorMessage } from "~/ui/error-message";
import { count, countryName } from "~/ui/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dashboard: ${data?.section.name ?? "section"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, section, organiser } = await requireSectionViewer(request, params.sectionId);
  const dashboard = await sectionDashboard({ organisationId: user.organisationId, sectionId: section.id, organiser });
  return { section, organiser, ...dashboard };
}

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

export default function SectionDashboard() {
  const { section, organiser, campaigns, answers, answerCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dashboard: {section.name}</h1>
      <p className="muted">
        {section.city}, {countryName(section.country)}
      </p>

      <h2 id="letters">Letters</h2>
      {campaigns.length === 0 ? <p>This section has no letters yet.</p> : null}
      <div className="dash-grid">
        {campaigns.map((c) => (
          <section key={c.id} className="dash-figure" aria-labelledby={`campaign-${c.id}`}>
            <h3 id={`campaign-${c.id}`}>
              {c.status === "live" || organiser ? (
                <Link to={`/admin/campaigns/${c.id}/letters${organiser ? `?sender=${section.id}` : ""}`}>{c.title}</Link>
              ) : (
                c.title
              )}
              {c.status !== "live" ? <span className="muted"> ({c.status})</span> : null}
            </h3>
            <p>
              {count(c.letters, "letter")}, {formatCount(c.sent)} sent, {formatCount(c.answered)} answered ({formatPercent(c.responseRate)})
              {c.answers !== c.answered ? `, ${formatCount(c.answers)} answers in all` : ""}.
            </p>
            <HorizontalBarChart
              id={`chart-delivery-${c.id}`}
              title={`${section.name}: letters of “${c.title}” by status`}
              description={c.lettersByStatus.map((s) => `${s.label}: ${formatCount(s.count)}`).join(", ")}
              series={[{ label: "", color: deliveryColors.sent! }]}
              rows={c.lettersByStatus.map((s) => ({ label: s.label, values: [s.count], color: deliveryColors[s.status] }))}
            />
          </section>
        ))}
      </div>

      <h2 id="answers">Answers</h2>
      {answers.length === 0 ? (
        <p>No answer has come to this section's letters yet.</p>
      ) : (
        <>
          {answerCount > answers.length ? (
            <p className="muted">
              The newest {SECTION_ANSWERS_SHOWN} of {formatCount(answerCount)} answers.
            </p>
          ) : null}
          <ol className="dash-answers">
            {answers.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>
                    {a.target ? (
                      a.letterId ? (
                        <Link to={`/admin/letters/${a.letterId}`}>{a.target.name}</Link>
                      ) : (
                        a.target.name
                      )
                    ) : (
                      (a.fromName ?? "Unknown sender")
                    )}
                  </strong>
                  {a.target ? (
                    <span className="muted">
                      {" "}
                      · {targetKindLabel(a.target.kind, true)}
                      {a.target.country ? `, ${countryName(a.target.country)}` : ""} · {a.campaignTitle}
                    </span>
                  ) : null}
                </p>
                <p>
                  <span className="badge badge-neutral">{label(responseKindLabels, a.kind)}</span> {label(responseChannelLabels, a.channel)}
                  , received <time dateTime={a.receivedAt}>{formatReceivedAt(a)}</time>
                  {a.fromName && a.fromName !== a.target?.name ? <span className="muted"> · from {a.fromName}</span> : null}
                </p>
                <p>{a.summary ?? <span className="muted">(no summary yet)</span>}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

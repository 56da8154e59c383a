// A campaign's dashboard for its organisers: signatures, letters and their delivery, answers by kind
// of target and country, and one timeline of the campaign beside what happened to the people.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import {
  DailyChart,
  deliveryColors,
  formatCount,
  formatPercent,
  HorizontalBarChart,
  Legend,
  seriesColors,
  TimelineStrip,
  type StripMark,
} from "~/dashboard/charts";
import { campaignDashboard, type TimelineEntry } from "~/dashboard/dashboard.server";
import { CHANNEL_COLUMNS, CHANNEL_LABELS } from "~/growth/share";
import dashboardStyles from "~/styles/dashboard.css";
import { targetKindLabel } from "~/targets/target.schema";
import { ErrorMessage } from "~/ui/error-message";
import { count, countryName, formatPartialDate } from "~/ui/format";
import { ProgressBar } from "~/ui/progress-bar";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Dashboard: ${data?.campaign.title ?? "campaign"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const dashboard = await campaignDashboard({ organisationId: user.organisationId, campaignId: campaign.id });
  if (!dashboard) throw new Response("No such campaign in your organisation.", { status: 404 });
  return dashboard;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function days(value: number | null): string {
  if (value === null) return "–";
  return value < 10 ? `${value.toFixed(1)} days` : `${Math.round(value)} days`;
}

function timelineText(entry: TimelineEntry): string {
  switch (entry.type) {
    case "letters":
      return [
        entry.sent ? `${plural(entry.sent, "letter", "letters")} sent` : "",
        entry.followUps ? `follow-up sent for ${plural(entry.followUps, "letter", "letters")}` : "",
        entry.answered ? `first answer to ${plural(entry.answered, "letter", "letters")}` : "",
      ]
        .filter(Boolean)
        .join(" · ")
        .replace(/^./, (c) => c.toUpperCase());
    case "case-update":
      return `Update published: “${entry.title}”`;
    case "status-change":
      return `${entry.person}: ${entry.statusLabel}`;
  }
}

const sentAndAnswered = [
  { label: "Letters sent", color: seriesColors.sent },
  { label: "Letters answered", color: seriesColors.answered },
];

export default function CampaignDashboard() {
  const { campaign, totals, signaturesByDay, signaturesByChannel, lettersByStatus, byKind, byCountry, timeline } =
    useLoaderData<typeof loader>();
  const countedByDay = signaturesByDay.reduce((sum, d) => sum + d.signatures, 0);
  const topCountries = byCountry.slice(0, 10);
  const marks: StripMark[] = timeline.map((e) => ({ date: e.date, lane: e.side, label: timelineText(e) }));
  const base = `/admin/campaigns/${campaign.id}`;
  return (
    <>
      <p>
        <Link to={base}>← {campaign.title}</Link>
      </p>
      <h1>Dashboard: {campaign.title}</h1>
      <p className="muted">
        Case: {campaign.case.title} · <Link to={`${base}/letters`}>Letters</Link>
        {campaign.hasPetition ? (
          <>
            {" "}
            · <Link to={`${base}/signatures`}>Signatures</Link>
          </>
        ) : null}
      </p>
      <p className="actions">
        <a className="button secondary" href={`${base}/letters.csv`}>
          Letters CSV
        </a>
        <a className="button secondary" href={`${base}/responses.csv`}>
          Answers CSV
        </a>
      </p>

      <h2 id="totals">Totals</h2>
      <dl className="dash-totals" aria-labelledby="totals">
        <div className="dash-total">
          <dt>Signatures</dt>
          <dd>
            {campaign.hasPetition ? (
              <ProgressBar value={totals.signatures} goal={totals.signatureGoal} label={["confirmed", "confirmed"]} />
            ) : (
              <span className="dash-sub">No petition on this campaign</span>
            )}
          </dd>
        </div>
        {campaign.hasPetition ? (
          <div className="dash-total">
            <dt>Waiting for confirmation</dt>
            <dd>
              <strong className="dash-number">{formatCount(totals.unconfirmedSignatures)}</strong>
              <span className="dash-sub">
                {totals.confirmationRate === null
                  ? `no signature in the last ${plural(totals.confirmationWindowDays, "day", "days")}, so no confirmation rate`
                  : `confirmation rate ${formatPercent(totals.confirmationRate)} of the ${plural(totals.recentSignatures, "signature", "signatures")} given in the last ${plural(totals.confirmationWindowDays, "day", "days")}`}
                ; unconfirmed signatures are deleted after {plural(totals.confirmationWindowDays, "day", "days")}
              </span>
            </dd>
          </div>
        ) : null}
        <div className="dash-total">
          <dt>Supporters' own letters sent</dt>
          <dd>
            <strong className="dash-number">{formatCount(totals.supporterLettersSent)}</strong>
            <span className="dash-sub">
              sent through us; {formatCount(totals.supporterLettersMailto)} more opened in the supporter's mail program (we cannot know
              whether those were sent)
            </span>
          </dd>
        </div>
        <div className="dash-total">
          <dt>Letters sent</dt>
          <dd>
            <strong className="dash-number">{formatCount(totals.sent)}</strong>
            <span className="dash-sub">of {plural(totals.letters, "letter", "letters")} written by the organisation and its sections</span>
          </dd>
        </div>
        <div className="dash-total">
          <dt>Answers</dt>
          <dd>
            <strong className="dash-number">{formatCount(totals.answers)}</strong>
            <span className="dash-sub">
              to {plural(totals.answered, "letter", "letters")}: {formatPercent(totals.responseRate)} of the letters sent; median{" "}
              {days(totals.medianDaysToAnswer)} to a first answer
            </span>
          </dd>
        </div>
      </dl>

      <h2 id="signatures">Signatures a day</h2>
      {signaturesByDay.length ? (
        <figure className="dash-figure">
          <DailyChart
            id="chart-signatures"
            title="Confirmed signatures a day"
            description={`${count(countedByDay, "signature")} confirmed from ${formatPartialDate(signaturesByDay[0]!.day)} to ${formatPartialDate(signaturesByDay.at(-1)!.day)}; the most in one day: ${formatCount(Math.max(...signaturesByDay.map((d) => d.signatures)))}.`}
            points={signaturesByDay.map((d) => ({ day: d.day, value: d.signatures }))}
            unit="signatures"
          />
          <figcaption className="muted">Signatures confirmed each day (UTC).</figcaption>
          <details>
            <summary>The figures as a table</summary>
            <div className="table-scroll dash-table-tall">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className="num">
                      Signatures
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...signaturesByDay].reverse().map((d) => (
                    <tr key={d.day}>
                      <td>{formatPartialDate(d.day)}</td>
                      <td className="num">{formatCount(d.signatures)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      ) : (
        <p>No signature has been counted yet.</p>
      )}

      <h2 id="channels">Where signers came from</h2>
      {signaturesByChannel.length ? (
        <figure className="dash-figure">
          <div className="table-scroll dash-table-tall">
            <table>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {CHANNEL_COLUMNS.map((c) => (
                    <th key={c} scope="col" className="num">
                      {CHANNEL_LABELS[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {signaturesByChannel.map((d) => (
                  <tr key={d.day}>
                    <td>{formatPartialDate(d.day)}</td>
                    {CHANNEL_COLUMNS.map((c) => (
                      <td key={c} className="num">
                        {formatCount(d.counts[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <figcaption className="muted">
            Signatures confirmed each day (UTC), by the share link that brought the signer (the links on the page after signing carry their
            channel). Counts only: nobody is followed, no cookie is set.
          </figcaption>
        </figure>
      ) : (
        <p>No signature has been counted yet.</p>
      )}

      <h2 id="delivery">Letters by status</h2>
      <figure className="dash-figure dash-narrow">
        <HorizontalBarChart
          id="chart-delivery"
          title="Letters by status"
          description={lettersByStatus.map((s) => `${s.label}: ${formatCount(s.count)}`).join(", ")}
          series={[{ label: "", color: deliveryColors.sent! }]}
          rows={lettersByStatus.map((s) => ({ label: s.label, values: [s.count], color: deliveryColors[s.status] }))}
        />
        <figcaption className="muted">
          Draft and approved letters have not been sent; the others show what became of the email that carried them.
        </figcaption>
      </figure>

      <h2 id="kinds">By kind of target</h2>
      <div className="dash-grid">
        <figure className="dash-figure">
          <Legend series={sentAndAnswered} />
          <HorizontalBarChart
            id="chart-kinds"
            title="Letters sent and answered, by kind of target"
            description={
              byKind.map((k) => `${targetKindLabel(k.kind, true)}: ${k.sent} sent, ${k.answered} answered`).join("; ") || "No letters yet."
            }
            series={sentAndAnswered}
            rows={byKind.map((k) => ({ label: targetKindLabel(k.kind, true), values: [k.sent, k.answered] }))}
          />
        </figure>
        <figure className="dash-figure">
          <HorizontalBarChart
            id="chart-rates"
            title="Response rate by kind of target"
            description={
              byKind
                .map(
                  (k) =>
                    `${targetKindLabel(k.kind, true)}: ${formatPercent(k.responseRate)} answered, median ${days(k.medianDaysToAnswer)} to a first answer`,
                )
                .join("; ") || "No letters yet."
            }
            series={[{ label: "answered", color: seriesColors.answered }]}
            rows={byKind.map((k) => ({
              label: `${targetKindLabel(k.kind, true)} · median ${days(k.medianDaysToAnswer)}`,
              values: [k.responseRate ?? 0],
              valueLabels: [formatPercent(k.responseRate)],
            }))}
            max={1}
          />
          <figcaption className="muted">
            Share of the letters sent that got an answer, and the median time from sending to the first answer.
          </figcaption>
        </figure>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Kind of target</th>
              <th scope="col" className="num">
                Letters
              </th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num">
                Answered
              </th>
              <th scope="col" className="num">
                Answers
              </th>
              <th scope="col" className="num">
                Response rate
              </th>
              <th scope="col" className="num">
                Median time to answer
              </th>
            </tr>
          </thead>
          <tbody>
            {byKind.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{targetKindLabel(k.kind)}</th>
                <td className="num">{formatCount(k.letters)}</td>
                <td className="num">{formatCount(k.sent)}</td>
                <td className="num">{formatCount(k.answered)}</td>
                <td className="num">{formatCount(k.answers)}</td>
                <td className="num">{formatPercent(k.responseRate)}</td>
                <td className="num">{days(k.medianDaysToAnswer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {byKind.length === 0 ? <p>No letters have been written for this campaign yet.</p> : null}

      <h2 id="countries">By country</h2>
      {topCountries.length ? (
        <figure className="dash-figure dash-narrow">
          <Legend series={sentAndAnswered} />
          <HorizontalBarChart
            id="chart-countries"
            title={
              byCountry.length > topCountries.length
                ? `Letters sent and answered in the ${topCountries.length} countries with the most letters`
                : "Letters sent and answered, by country"
            }
            description={topCountries
              .map((c) => `${c.country ? countryName(c.country) : "No country"}: ${c.sent} sent, ${c.answered} answered`)
              .join("; ")}
            series={sentAndAnswered}
            rows={topCountries.map((c) => ({ label: c.country ? countryName(c.country) : "No country", values: [c.sent, c.answered] }))}
          />
        </figure>
      ) : null}
      <details open={byCountry.length <= 12}>
        <summary>Every country ({byCountry.length})</summary>
        <div className="table-scroll dash-table-tall">
          <table>
            <thead>
              <tr>
                <th scope="col">Country of the target</th>
                <th scope="col" className="num">
                  Letters
                </th>
                <th scope="col" className="num">
                  Sent
                </th>
                <th scope="col" className="num">
                  Answered
                </th>
                <th scope="col" className="num">
                  Answers
                </th>
                <th scope="col" className="num">
                  Response rate
                </th>
              </tr>
            </thead>
            <tbody>
              {byCountry.map((c) => (
                <tr key={c.country ?? "none"}>
                  <th scope="row">{c.country ? countryName(c.country) : "No country"}</th>
                  <td className="num">{formatCount(c.letters)}</td>
                  <td className="num">{formatCount(c.sent)}</td>
                  <td className="num">{formatCount(c.answered)}</td>
                  <td className="num">{formatCount(c.answers)}</td>
                  <td className="num">{formatPercent(c.responseRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <h2 id="timeline">Timeline</h2>
      <p className="muted">What the campaign did, beside what happened to the people it is for. Newest first.</p>
      {timeline.length ? (
        <>
          <figure className="dash-figure">
            <TimelineStrip
              id="chart-timeline"
              title="The campaign and the people on one time line"
              description={`${timeline.filter((e) => e.side === "campaign").length} entries for the campaign and ${timeline.filter((e) => e.side === "people").length} changes in the people's status, from ${formatPartialDate(timeline.at(-1)!.date)} to ${formatPartialDate(timeline[0]!.date)}. The list below gives each.`}
              marks={marks}
            />
          </figure>
          <div className="dash-timeline-head" aria-hidden="true">
            <span>Date</span>
            <span>Campaign</span>
            <span>The people</span>
          </div>
          <ol className="dash-timeline">
            {timeline.map((e, i) => (
              <li key={i} className={`side-${e.side}`}>
                <time dateTime={e.date}>{formatPartialDate(e.date)}</time>
                <div className="dash-what">
                  <span className="dash-side">{e.side === "campaign" ? "Campaign" : "People"}</span> {timelineText(e)}
                  {e.type === "status-change" && e.note ? <div className="muted">{e.note}</div> : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>Nothing has happened yet.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

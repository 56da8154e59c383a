// A petition's signatures for its organisers: totals, filters, pages, CSV and the hand-in PDF.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { filtersFrom, listSignatures, signatureTotals } from "~/petitions/signature-admin.server";
import { countryOptions } from "~/ui/countries";
import { ErrorMessage } from "~/ui/error-message";
import { countryName, formatDateTime } from "~/ui/format";
import { ProgressBar } from "~/ui/progress-bar";

export const meta: MetaFunction = () => [{ title: "Signatures: Solidarity letters" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const after = url.searchParams.get("after");
  const [page, totals] = await Promise.all([listSignatures(campaign.id, filters, after), signatureTotals(campaign.id)]);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  return { campaign: { id: campaign.id, title: campaign.title, slug: campaign.slug }, filters, query, ...page, totals };
}

export default function Signatures() {
  const { campaign, filters, query, signatures, nextAfter, totals } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>Signatures</h1>
      <ProgressBar value={totals.signatureCount} goal={totals.signatureGoal} label={["confirmed signature", "confirmed signatures"]} />
      <p className="muted">
        {totals.pending.toLocaleString("en")} waiting for confirmation · supporters' own letters: {totals.supporterLettersSent} sent through
        us, {totals.supporterLettersMailto} opened in their mail program
      </p>
      {totals.byCountry.length ? (
        <p>Most signatures from: {totals.byCountry.map((c) => `${countryName(c.country)} (${c.count.toLocaleString("en")})`).join(", ")}</p>
      ) : null}
      <p className="actions">
        <a className="button secondary" href={`/admin/campaigns/${campaign.id}/signatures.csv${query ? `?${query}` : ""}`}>
          Export CSV
        </a>
        <a className="button secondary" href={`/admin/campaigns/${campaign.id}/signatures.pdf`}>
          Hand-in PDF
        </a>
      </p>

      <Form method="get" className="actions">
        <label>
          Status{" "}
          <select name="status" defaultValue={filters.status}>
            <option value="">Any</option>
            <option value="confirmed">Confirmed</option>
            <option value="pending">Waiting for confirmation</option>
          </select>
        </label>
        <label>
          Country{" "}
          <select name="country" defaultValue={filters.country}>
            <option value="">Any</option>
            {countryOptions.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name shown{" "}
          <select name="shown" defaultValue={filters.shown}>
            <option value="">Any</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </label>
        <label>
          Exact email <input type="search" name="email" defaultValue={filters.email} />
        </label>
        <button type="submit" className="secondary">
          Filter
        </button>
      </Form>

      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Country</th>
              <th scope="col">Status</th>
              <th scope="col">Signed</th>
            </tr>
          </thead>
          <tbody>
            {signatures.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.erased ? <span className="muted">(data deleted)</span> : s.name}
                  {s.showName ? <span className="muted"> · shown</span> : null}
                  {s.comment ? <div className="muted">“{s.comment}”</div> : null}
                </td>
                <td>{s.email}</td>
                <td>{countryName(s.country)}</td>
                <td>{s.status === "confirmed" ? "Confirmed" : "Waiting"}</td>
                <td>{formatDateTime(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {signatures.length === 0 ? <p>No signature matches.</p> : null}
      <p className="actions">
        {query || nextAfter ? <Link to={`?${query}`}>First page</Link> : null}
        {nextAfter ? <Link to={`?${query ? `${query}&` : ""}after=${nextAfter}`}>Next page</Link> : null}
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

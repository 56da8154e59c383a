import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canManageCases } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { campaignStatusLabels, type CampaignStatus } from "~/campaigns/campaign.schema";
import { listCampaigns } from "~/campaigns/campaign.server";
import { count } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Campaigns: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organiser = canManageCases(user.role);
  return { campaigns: await listCampaigns(user.organisationId, { liveOnly: !organiser }), organiser };
}

export default function Campaigns() {
  const { campaigns, organiser } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Campaigns</h1>
      {organiser ? (
        <p>
          <Link className="button" to="/admin/campaigns/new">
            New campaign
          </Link>
        </p>
      ) : (
        <p>The live campaigns of your organisation. Open one to write your section's letters.</p>
      )}
      {campaigns.length === 0 ? <p>No campaign yet.</p> : null}
      <ul className="case-list">
        {campaigns.map((c) => (
          <li key={c.id} className="card">
            <h2>{organiser ? <Link to={`/admin/campaigns/${c.id}`}>{c.title}</Link> : c.title}</h2>
            <p className="muted">
              {c.case.title} · {campaignStatusLabels[c.status as CampaignStatus] ?? c.status} · {count(c._count.templates, "template")} ·{" "}
              {count(c._count.letters, "letter")}
            </p>
            <p>
              <Link to={`/admin/campaigns/${c.id}/letters`}>Letters</Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

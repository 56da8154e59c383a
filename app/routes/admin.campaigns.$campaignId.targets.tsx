// Picking targets by hand for a campaign, on top of the ones its kinds, countries and tags select.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { singleLine } from "~/security/text";
import { searchTargets, setTargetPicked } from "~/campaigns/campaign.server";
import { targetKindLabels, targetKinds, type TargetKind } from "~/campaigns/campaign.schema";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { ErrorMessage } from "~/ui/error-message";
import { countryName } from "~/ui/format";
import { formOr400, IdSchema } from "~/security/params.server";

const Search = z.object({
  q: singleLine().trim().max(100).catch(""),
  kind: z.enum(["", ...targetKinds]).catch(""),
  country: z.string().trim().max(2).catch(""),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Targets of ${data?.campaign.title ?? "the campaign"}: Solidarity letters` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  // Every field falls back to "" on bad input: a crafted query string shows an unfiltered list.
  const parsed = Search.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const search = parsed.success ? parsed.data : { q: "", kind: "" as const, country: "" };
  return { campaign, search, targets: await searchTargets(user.organisationId, search) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const form = formOr400(z.object({ targetId: IdSchema, pick: z.enum(["yes", "no"]) }), await request.formData());
  const ok = await setTargetPicked(campaign.id, user.organisationId, form.targetId, form.pick === "yes");
  if (!ok) throw new Response("No such target.", { status: 404 });
  return json({ ok });
}

export default function PickTargets() {
  const { campaign, search, targets } = useLoaderData<typeof loader>();
  const picked = new Set(campaign.pickedTargets.map((p) => p.targetId));
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>Pick targets by hand</h1>
      <Form method="get" className="actions">
        <label>
          Search <input type="search" name="q" defaultValue={search.q} />
        </label>
        <label>
          Kind{" "}
          <select name="kind" defaultValue={search.kind}>
            <option value="">Any</option>
            {targetKinds.map((k) => (
              <option key={k} value={k}>
                {targetKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Country <input type="text" name="country" defaultValue={search.country} size={3} />
        </label>
        <button type="submit" className="secondary">
          Search
        </button>
      </Form>
      <ul>
        {targets.map((t) => (
          <li key={t.id}>
            {t.name} · {targetKindLabels[t.kind as TargetKind] ?? t.kind} · {countryName(t.country)}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="targetId" value={t.id} />
              <input type="hidden" name="pick" value={picked.has(t.id) ? "no" : "yes"} />
              <button type="submit" className="link-button">
                {picked.has(t.id) ? "Remove" : "Add"}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

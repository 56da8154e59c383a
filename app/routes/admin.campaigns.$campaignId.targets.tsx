// Picking targets by hand for a campaign, on top of the ones its kinds, countries and tags select:
// search and filter, tick many, save once.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { MAX_PICK_RESULTS, searchTargets, setTargetsPicked } from "~/campaigns/campaign.server";
import { targetKindLabels, type TargetKind } from "~/campaigns/campaign.schema";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { filtersFromUrl } from "~/targets/target.schema";
import { targetFilterOptions } from "~/targets/target.server";
import { tagName } from "~/targets/tag-names";
import { ErrorMessage } from "~/ui/error-message";
import { countryName } from "~/ui/format";
import { fieldOr400, IdSchema, intentOr400 } from "~/security/params.server";
import { TargetFilterFields } from "~/targets/components/target-filter-fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Targets of ${data?.campaign.title ?? "the campaign"}: Solidarity letters` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  // Every filter falls back to none on bad input: a crafted query string shows an unfiltered list.
  const { page: _page, ...filters } = filtersFromUrl(new URL(request.url));
  const [found, options] = await Promise.all([searchTargets(user.organisationId, filters), targetFilterOptions(user.organisationId)]);
  return { campaign, filters, ...found, options };
}

const Ids = z.array(IdSchema).max(MAX_PICK_RESULTS);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const formData = await request.formData();
  const intent = intentOr400(formData, ["save", "add-all"]);
  // "shown" lists the targets the page showed; the ticked ones among them are picked, the others not.
  const shown = fieldOr400(Ids, formData.getAll("shown"));
  const ticked = new Set(fieldOr400(Ids, formData.getAll("picked")));
  const add = intent === "add-all" ? shown : shown.filter((id) => ticked.has(id));
  const remove = intent === "add-all" ? [] : shown.filter((id) => !ticked.has(id));
  const { added, removed } = await setTargetsPicked(campaign.id, user.organisationId, { add, remove });
  const targets = (n: number) => `${n} target${n === 1 ? "" : "s"}`;
  const parts = [added ? `${targets(added)} added to the campaign.` : "", removed ? `${targets(removed)} taken off.` : ""].filter(Boolean);
  return json({ message: parts.length ? parts.join(" ") : "Nothing changed: the ticks were already saved." });
}

export default function PickTargets() {
  const { campaign, filters, targets, total, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const picked = new Set(campaign.pickedTargets.map((p) => p.targetId));
  const pickedShown = targets.filter((t) => picked.has(t.id)).length;
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>Pick targets by hand</h1>
      <p>
        {picked.size === 1 ? "1 target is" : `${picked.size} targets are`} picked by hand for this campaign, on top of the ones its kinds,
        countries and tags select.
      </p>
      <Form method="get" className="actions" aria-label="Search targets">
        <TargetFilterFields filters={filters} options={options} />
      </Form>

      {result ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <p className="muted">
        {total === 0
          ? "No active target matches this search."
          : total > targets.length
            ? `${total} targets match; the first ${targets.length} are shown. Narrow the search to see the others.`
            : `${total === 1 ? "1 target matches" : `${total} targets match`}; ${pickedShown} of them picked.`}
      </p>

      {targets.length ? (
        // Keyed by what is picked, so that the boxes show the saved state after "Add all".
        <Form method="post" aria-label="Targets found" key={[...picked].sort().join(",")}>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Picked</th>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Country</th>
                  <th scope="col">Tags</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <input type="hidden" name="shown" value={t.id} />
                      <input type="checkbox" name="picked" value={t.id} id={`pick-${t.id}`} defaultChecked={picked.has(t.id)} />
                    </td>
                    <td>
                      <label htmlFor={`pick-${t.id}`}>{t.name}</label>
                      {t.body && t.body !== t.name ? <div className="muted">{t.body}</div> : null}
                    </td>
                    <td>{targetKindLabels[t.kind as TargetKind] ?? t.kind}</td>
                    <td>{countryName(t.country)}</td>
                    <td>{t.tags.map((tag) => tagName(tag)).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="actions">
            <button type="submit" name="intent" value="save" disabled={busy}>
              Save the ticks
            </button>
            <button type="submit" name="intent" value="add-all" className="secondary" disabled={busy}>
              Add all {targets.length} shown
            </button>
          </p>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

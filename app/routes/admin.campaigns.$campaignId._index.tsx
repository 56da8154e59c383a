// A campaign's settings, the targets it addresses, and its letter templates.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { listCasesForOrganisation } from "~/cases/case.server";
import { CampaignSchema, parseTargetKinds, targetKindLabels, type TargetKind } from "~/campaigns/campaign.schema";
import {
  caseBelongsTo,
  countCampaignTargets,
  liveOnDraftCase,
  deleteTemplate,
  isCampaignSlugTaken,
  listCampaignTargets,
  setTargetPicked,
  updateCampaign,
} from "~/campaigns/campaign.server";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { CampaignFields } from "~/campaigns/components/campaign-fields";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError } from "~/ui/forms";
import { count, countryName } from "~/ui/format";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { countLettersFromTemplate } from "~/letters/letter.server";
import { fieldOr400, IdSchema, intentOr400 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Campaign: ${data?.campaign.title ?? ""}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const [cases, targetCount, targets] = await Promise.all([
    listCasesForOrganisation(user.organisationId),
    countCampaignTargets(campaign),
    listCampaignTargets(campaign, null, 200),
  ]);
  return { campaign, cases, targetCount, targets };
}

const Intent = z.enum(["update", "delete-template", "unpick-target"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const fail = (f: FormFailure) => json({ intent, failure: f }, { status: 400 });
  switch (intent) {
    case "update": {
      const parsed = parseForm(CampaignSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      if (!(await caseBelongsTo(user.organisationId, parsed.data.caseId)))
        return fail(failure(formData, { caseId: ["Choose one of your cases."] }));
      const draftCase = await liveOnDraftCase(parsed.data.status, parsed.data.caseId);
      if (draftCase) return fail(failure(formData, { status: [draftCase] }));
      if (await isCampaignSlugTaken(parsed.data.slug, campaign.id))
        return fail(failure(formData, { slug: ["Another campaign already uses this address."] }));
      await updateCampaign(user.organisationId, campaign.id, parsed.data, parseTargetKinds(formData));
      return json({ intent, failure: null, message: "The campaign is saved." });
    }
    case "delete-template": {
      const template = campaign.templates.find((t) => t.id === fieldOr400(IdSchema, formData.get("templateId")));
      if (!template) throw new Response("No such template in this campaign.", { status: 404 });
      if (!isConfirmed(formData)) {
        const letters = await countLettersFromTemplate(template.id);
        return json({
          intent,
          failure: null,
          ...confirmation(formData, {
            title: `Delete the template “${template.name}”`,
            items: [
              `${template.name} · ${template.language.toUpperCase()} · ${template.targetKind ? targetKindLabels[template.targetKind as TargetKind] : "any kind of target"}`,
            ],
            detail: `No new letter is written from it.${letters ? ` The ${count(letters, "letter")} already written from it stay as they are.` : ""}`,
            button: "Delete the template",
            danger: true,
          }),
        });
      }
      await deleteTemplate(campaign.id, template.id);
      return json({ intent, failure: null, message: `The template “${template.name}” is deleted.` });
    }
    case "unpick-target":
      await setTargetPicked(campaign.id, user.organisationId, fieldOr400(IdSchema, formData.get("targetId")), false);
      return json({ intent, failure: null, message: "Target removed from the hand-picked ones." });
  }
}

export default function CampaignPage() {
  const { campaign, cases, targetCount, targets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const picked = new Set(campaign.pickedTargets.map((p) => p.targetId));
  return (
    <>
      <h1>{campaign.title}</h1>
      <p>
        Case: {campaign.case.title} · <Link to={`/admin/campaigns/${campaign.id}/dashboard`}>Dashboard</Link> ·{" "}
        <Link to={`/admin/campaigns/${campaign.id}/letters`}>Letters</Link>
        {campaign.petitionText ? (
          <>
            {" "}
            · <Link to={`/admin/campaigns/${campaign.id}/signatures`}>Signatures ({campaign.signatureCount})</Link>
          </>
        ) : null}
        {campaign.status === "live" ? (
          <>
            {" "}
            · <Link to={`/campaigns/${campaign.slug}`}>Public page</Link>
          </>
        ) : null}
      </p>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {result && "message" in result ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}

      <h2>Letter templates</h2>
      {campaign.templates.length === 0 ? <p>No template yet: letters are generated from templates.</p> : null}
      <ul>
        {campaign.templates.map((t) => (
          <li key={t.id}>
            <Link to={`templates/${t.id}`}>{t.name}</Link> · {t.language.toUpperCase()} ·{" "}
            {t.targetKind ? targetKindLabels[t.targetKind as TargetKind] : "any kind of target"}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="delete-template" />
              <input type="hidden" name="templateId" value={t.id} />·{" "}
              <button type="submit" className="link-button" aria-label={`Delete the template ${t.name}`}>
                Delete…
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <p>
        <Link className="button secondary" to="templates/new">
          Add a template
        </Link>
      </p>

      <h2>Targets ({targetCount})</h2>
      <p className="muted">
        Each section writes to the targets in its own country (and to the officials). <Link to="targets">Pick targets by hand</Link>
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Kind</th>
              <th scope="col">Country</th>
              <th scope="col">Email</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.name}
                  {picked.has(t.id) ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="unpick-target" />
                      <input type="hidden" name="targetId" value={t.id} /> (picked by hand ·{" "}
                      <button type="submit" className="link-button">
                        remove
                      </button>
                      )
                    </Form>
                  ) : null}
                </td>
                <td>{targetKindLabels[t.kind as TargetKind] ?? t.kind}</td>
                <td>{countryName(t.country)}</td>
                <td>{t.email ?? <span className="muted">none: print the letter</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {targetCount > targets.length ? <p className="muted">Showing the first {targets.length}.</p> : null}

      <section className="card" aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="update" />
          <FormError failure={result?.intent === "update" ? result.failure : null} />
          <CampaignFields failure={result?.intent === "update" ? result.failure : null} values={campaign} cases={cases} />
          <div>
            <button type="submit">Save campaign</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

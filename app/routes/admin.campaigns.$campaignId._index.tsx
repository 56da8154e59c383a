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
  templateDeletionQuestion,
  listCampaignTargets,
  setTargetPicked,
  updateCampaign,
} from "~/campaigns/campaign.server";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { decodeOrigins, embedSnippet, EmbedOriginsSchema, MAX_EMBED_ORIGINS } from "~/campaigns/embed";
import { saveEmbedOrigins } from "~/campaigns/embed.server";
import { appUrl } from "~/env.server";
import { CampaignFields } from "~/campaigns/components/campaign-fields";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, TextAreaField } from "~/ui/forms";
import { countryName, formatNumber } from "~/ui/format";
import { fieldOr400, IdSchema, intentOr400 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Campaign: ${data?.campaign.title ?? ""}: Solidarity letters` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const [cases, targetCount, targets] = await Promise.all([
    listCasesForOrganisation(user.organisationId),
    countCampaignTargets(campaign),
    listCampaignTargets(campaign, null, 200),
  ]);
  // The template editor comes back here after deleting a template.
  const deleted = new URL(request.url).searchParams.get("deleted") === "template";
  const embed = {
    origins: decodeOrigins(campaign.embedOrigins),
    snippet: embedSnippet(appUrl(request), campaign.slug, campaign.title),
  };
  return { campaign, cases, targetCount, targets, deleted, embed };
}

const Intent = z.enum(["update", "delete-template", "unpick-target", "embed"]);

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
      if (!template) return json({ intent, failure: null, message: "This template was already deleted." }, { status: 404 });
      if (!isConfirmed(formData))
        return json({ intent, failure: null, ...confirmation(formData, await templateDeletionQuestion(template)) });
      await deleteTemplate(campaign.id, template.id);
      return json({ intent, failure: null, message: "Template deleted." });
    }
    case "embed": {
      const parsed = EmbedOriginsSchema.safeParse(formData.get("embedOrigins") ?? "");
      if (!parsed.success) return fail(failure(formData, { embedOrigins: [parsed.error.issues[0]?.message ?? "Check the list."] }));
      await saveEmbedOrigins(campaign.id, parsed.data);
      return json({
        intent,
        failure: null,
        message: parsed.data.length ? "The sites that may embed the petition are saved." : "No site may embed the petition now.",
      });
    }
    case "unpick-target":
      await setTargetPicked(campaign.id, user.organisationId, fieldOr400(IdSchema, formData.get("targetId")), false);
      return json({ intent, failure: null, message: "Target removed from the hand-picked ones." });
  }
}

export default function CampaignPage() {
  const { campaign, cases, targetCount, targets, deleted, embed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const picked = new Set(campaign.pickedTargets.map((p) => p.targetId));
  return (
    <>
      <h1>{campaign.title}</h1>
      <p>
        Case: {campaign.case.title} · <Link to={`/admin/campaigns/${campaign.id}/dashboard`}>Dashboard</Link> ·{" "}
        <Link to={`/admin/campaigns/${campaign.id}/letters`}>Letters</Link> ·{" "}
        <Link to={`/admin/cases/${campaign.caseId}/translations/de`}>Translations</Link>
        {campaign.petitionText ? (
          <>
            {" "}
            · <Link to={`/admin/campaigns/${campaign.id}/signatures`}>Signatures ({formatNumber(campaign.signatureCount)})</Link>
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
      ) : deleted ? (
        <p className="notice" role="status">
          Template deleted.
        </p>
      ) : null}
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}

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

      <h2>Targets ({formatNumber(targetCount)})</h2>
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

      <section className="card" aria-labelledby="embed">
        <h2 id="embed">Embed the petition on other sites</h2>
        <p>
          A partner's site can show the sign form in a frame. Signatures count here, confirmed by email like any other. Only the sites
          listed here may show it; every other page of this site stays unframeable.
        </p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="embed" />
          <TextAreaField
            name="embedOrigins"
            label="Sites that may embed it"
            hint={`One site per line, only its start, like https://partner.example.org (https only; at most ${MAX_EMBED_ORIGINS}). Leave empty to allow none.`}
            rows={4}
            failure={result?.intent === "embed" ? result.failure : null}
            defaultValue={embed.origins.join("\n")}
          />
          <div>
            <button type="submit">Save the sites</button>
          </div>
        </Form>
        <label htmlFor="embed-snippet">Paste this into a listed site's page (no script needed)</label>
        <textarea id="embed-snippet" readOnly rows={4} value={embed.snippet} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

// The letter template editor: strict Liquid, the list of variables, and a preview for a chosen
// target and sender that follows typing (with JavaScript) or comes on demand (the Preview button).
// A template with an unknown variable or a syntax error is not saved; deleting one asks first.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { notFoundUnless } from "~/auth/permissions.server";
import { TemplatePreviewSchema, TemplateSchema, targetKindLabels, targetKinds, type TargetKind } from "~/campaigns/campaign.schema";
import { createTemplate, deleteTemplate, listCampaignTargets, templateDeletionQuestion, updateTemplate } from "~/campaigns/campaign.server";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { defaultTemplateBody, defaultTemplateSubject } from "~/campaigns/default-template";
import { prisma } from "~/db.server";
import { appUrl } from "~/env.server";
import { templateVariables } from "~/letters/letter-context.server";
import { previewTemplate, templateProblems } from "~/letters/template-preview.server";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { ErrorMessage } from "~/ui/error-message";
import { failure, formValues, parseForm } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { countryName } from "~/ui/format";
import { IdSchema, intentOr400, paramOr404 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.isNew ? "New letter template" : `Template: ${data?.template.name ?? ""}`}: Solidarity letters` },
];

/** How long the preview waits after the last keystroke before it asks the server. */
const PREVIEW_DEBOUNCE_MS = 400;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const isNew = params.templateId === "new";
  const template = isNew ? null : (campaign.templates.find((t) => t.id === params.templateId) ?? null);
  if (!isNew) notFoundUnless(template, "No such template.");
  const url = new URL(request.url);
  const asked = TemplatePreviewSchema.pick({ target: true, sender: true }).parse({
    target: url.searchParams.get("target") || null,
    sender: url.searchParams.get("sender") || "organisation",
  });
  const [targets, sections] = await Promise.all([
    listCampaignTargets(campaign, null, 300),
    prisma.section.findMany({ where: { organisationId: user.organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const shown = template ?? {
    name: "Letter",
    language: "en",
    targetKind: null,
    subject: defaultTemplateSubject,
    body: defaultTemplateBody,
  };
  const previewFor = { targetId: asked.target ?? targets[0]?.id ?? null, sender: asked.sender };
  const preview = await previewTemplate({
    template: shown,
    campaignId: campaign.id,
    organisationId: user.organisationId,
    targetId: previewFor.targetId,
    sectionId: previewFor.sender === "organisation" ? null : previewFor.sender,
    appUrl: appUrl(request),
  });
  return {
    campaign: { id: campaign.id, title: campaign.title },
    template: { id: template?.id ?? "new", ...shown },
    isNew,
    saved: url.searchParams.get("saved") === "1",
    variables: templateVariables,
    targets: targets.map((t) => ({
      id: t.id,
      label: `${t.name} (${targetKindLabels[t.kind as TargetKind] ?? "Target"}${t.country ? `, ${countryName(t.country)}` : ""})`,
    })),
    sections,
    previewFor,
    preview,
  };
}

// A missing intent is the Save button of a page loaded before the buttons had names.
const Intent = z
  .enum(["save", "preview", "delete"])
  .nullable()
  .transform((v) => v ?? "save");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const formData = await request.formData();
  const templateId = paramOr404(z.union([z.literal("new"), IdSchema]), params.templateId, "No such template in this campaign.");
  const intent = intentOr400(formData, Intent);

  if (intent === "preview") {
    const asked = TemplatePreviewSchema.safeParse(Object.fromEntries(formData));
    const preview = asked.success
      ? await previewTemplate({
          template: asked.data,
          campaignId: campaign.id,
          organisationId: user.organisationId,
          targetId: asked.data.target,
          sectionId: asked.data.sender === "organisation" ? null : asked.data.sender,
          appUrl: appUrl(request),
        })
      : { error: asked.error.issues[0]?.message ?? "This cannot be previewed." };
    // The typed values come back, so that without JavaScript the fields keep them.
    return json({ preview, fieldErrors: {}, values: formValues(formData) });
  }

  if (intent === "delete") {
    const template = campaign.templates.find((t) => t.id === templateId);
    notFoundUnless(template, "No such template in this campaign.");
    if (!isConfirmed(formData)) {
      return json(confirmation(formData, await templateDeletionQuestion(template)));
    }
    await deleteTemplate(campaign.id, template.id);
    return redirect(`/admin/campaigns/${campaign.id}?deleted=template`);
  }

  const parsed = parseForm(TemplateSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const problems = await templateProblems({
    campaignId: campaign.id,
    organisationId: user.organisationId,
    subject: parsed.data.subject,
    body: parsed.data.body,
    appUrl: appUrl(request),
  });
  if (problems) return json(failure(formData, problems, "The template was not saved: see the problem below."), { status: 400 });
  if (templateId === "new") {
    const created = await createTemplate(campaign.id, parsed.data);
    return redirect(`/admin/campaigns/${campaign.id}/templates/${created.id}?saved=1`);
  }
  if (!(await updateTemplate(campaign.id, templateId, parsed.data))) throw new Response("No such template.", { status: 404 });
  return redirect(`/admin/campaigns/${campaign.id}/templates/${templateId}?saved=1`);
}

// Typing asks for a preview many times a minute: the page's data does not change with it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

type Preview = { subject: string; body: string; recipient: string; recipientLanguage: string | null } | { error: string };

function PreviewPane({ preview, busy }: { preview: Preview | null; busy: boolean }) {
  return (
    <section className="card preview-pane" aria-labelledby="preview" aria-busy={busy}>
      <h2 id="preview">Preview</h2>
      <div aria-live="polite">
        {preview && "error" in preview ? <p className="form-error">{preview.error}</p> : null}
        {preview && "body" in preview ? (
          <div className="letter-preview">
            <p>
              <strong>To:</strong> {preview.recipient}
              <br />
              {preview.recipientLanguage ? (
                <>
                  <strong>Their letter goes in:</strong> {preview.recipientLanguage} (from the saved templates and the languages they read)
                  <br />
                </>
              ) : null}
              <strong>Subject:</strong> {preview.subject}
            </p>
            <pre className="email-text" data-testid="preview-body">
              {preview.body}
            </pre>
          </div>
        ) : null}
      </div>
    </section>
  );
}

export default function TemplateEditor() {
  const { campaign, template, isNew, saved, variables, targets, sections, previewFor, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fetcher = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // A failed save, or a preview asked for without JavaScript: both keep what was typed.
  const typed = result && "values" in result ? result : null;
  const failed = typed && !("preview" in typed) ? typed : null;
  const live = fetcher.data && "preview" in fetcher.data ? fetcher.data.preview : null;
  const shown = live ?? (typed && "preview" in typed ? typed.preview : preview);

  function previewSoon() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const data = new FormData(formRef.current);
      data.set("intent", "preview");
      fetcher.submit(data, { method: "post" });
    }, PREVIEW_DEBOUNCE_MS);
  }

  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>{isNew ? "New letter template" : `Template: ${template.name}`}</h1>
      {saved && !result ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <div className="editor-grid">
        <Form method="post" className="stack" noValidate ref={formRef} onChange={previewSoon}>
          <FormError failure={failed} />
          <TextField name="name" label="Name" required failure={typed} defaultValue={template.name} />
          <TextField
            name="language"
            label="Language"
            hint="Two-letter code. Targets get the template in a language they speak, if there is one."
            required
            failure={typed}
            defaultValue={template.language}
          />
          <SelectField
            name="targetKind"
            label="For"
            placeholder="Any kind of target"
            options={targetKinds.map((k) => ({ value: k, label: targetKindLabels[k] }))}
            failure={typed}
            defaultValue={template.targetKind}
          />
          <TextField name="subject" label="Subject" required failure={typed} defaultValue={template.subject} />
          <TextAreaField
            name="body"
            label="Letter"
            hint="Plain text. Blank lines separate paragraphs. Use the variables listed here; {% for %} and {% if %} work."
            required
            rows={16}
            failure={typed}
            defaultValue={template.body}
          />
          <fieldset className="preview-for">
            <legend>Preview for</legend>
            <SelectField
              name="target"
              label="Target"
              options={targets.map((t) => ({ value: t.id, label: t.label }))}
              failure={typed}
              defaultValue={previewFor.targetId}
              required
            />
            <SelectField
              name="sender"
              label="Sender"
              options={[{ value: "organisation", label: "The organisation" }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
              failure={typed}
              defaultValue={previewFor.sender}
              required
            />
          </fieldset>
          <div className="actions">
            <button type="submit" name="intent" value="save">
              Save template
            </button>
            <button type="submit" name="intent" value="preview" className="secondary">
              Preview
            </button>
          </div>
        </Form>
        <div className="editor-side">
          <PreviewPane preview={shown} busy={fetcher.state !== "idle"} />
          <aside className="card" aria-labelledby="variables">
            <h2 id="variables">Variables</h2>
            <dl className="variables">
              {variables.map((v) => (
                <div key={v.name}>
                  <dt>
                    <code>{`{{ ${v.name} }}`}</code>
                  </dt>
                  <dd>{v.description}</dd>
                </div>
              ))}
            </dl>
          </aside>
        </div>
      </div>
      {isNew ? null : (
        <Form method="post" className="actions spaced">
          <button type="submit" name="intent" value="delete" className="danger">
            Delete this template
          </button>
        </Form>
      )}
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

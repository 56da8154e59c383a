// The letter template editor: strict Liquid, the list of variables, and a live preview for a
// chosen target and sender. A template with an unknown variable or a syntax error is not saved.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { notFoundUnless } from "~/auth/permissions.server";
import { TemplateSchema, targetKindLabels, targetKinds } from "~/campaigns/campaign.schema";
import { createTemplate, listCampaignTargets, updateTemplate } from "~/campaigns/campaign.server";
import { requireOrganiserCampaign } from "~/campaigns/campaign-access.server";
import { defaultTemplateBody, defaultTemplateSubject } from "~/campaigns/default-template";
import { prisma } from "~/db.server";
import { appUrl } from "~/env.server";
import { templateVariables } from "~/letters/letter-context.server";
import { previewTemplate, templateProblems } from "~/letters/template-preview.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { IdSchema, paramOr404 } from "~/security/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const isNew = params.templateId === "new";
  const template = isNew ? null : (campaign.templates.find((t) => t.id === params.templateId) ?? null);
  if (!isNew) notFoundUnless(template, "No such template.");
  const url = new URL(request.url);
  const previewFor = { targetId: url.searchParams.get("target") || null, sender: url.searchParams.get("sender") || "organisation" };
  const [targets, sections] = await Promise.all([
    listCampaignTargets(campaign, null, 300),
    prisma.section.findMany({ where: { organisationId: user.organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const preview = template
    ? await previewTemplate({
        template,
        campaignId: campaign.id,
        organisationId: user.organisationId,
        targetId: previewFor.targetId ?? targets[0]?.id ?? null,
        sectionId: previewFor.sender === "organisation" ? null : previewFor.sender,
        appUrl: appUrl(request),
      })
    : null;
  return {
    campaign: { id: campaign.id, title: campaign.title },
    template: template ?? {
      id: "new",
      name: "Letter",
      language: "en",
      targetKind: null,
      subject: defaultTemplateSubject,
      body: defaultTemplateBody,
    },
    isNew,
    variables: templateVariables,
    targets: targets.map((t) => ({ id: t.id, label: `${t.name} (${t.kind}${t.country ? `, ${t.country}` : ""})` })),
    sections,
    previewFor,
    preview,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireOrganiserCampaign(request, params.campaignId);
  const formData = await request.formData();
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
  const templateId = paramOr404(z.union([z.literal("new"), IdSchema]), params.templateId, "No such template in this campaign.");
  if (templateId === "new") {
    const created = await createTemplate(campaign.id, parsed.data);
    return redirect(`/admin/campaigns/${campaign.id}/templates/${created.id}`);
  }
  if (!(await updateTemplate(campaign.id, templateId, parsed.data))) throw new Response("No such template.", { status: 404 });
  return redirect(`/admin/campaigns/${campaign.id}/templates/${templateId}?saved=1`);
}

export default function TemplateEditor() {
  const { campaign, template, isNew, variables, targets, sections, previewFor, preview } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/admin/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>{isNew ? "New letter template" : `Template: ${template.name}`}</h1>
      <div className="editor-grid">
        <Form method="post" className="stack" noValidate>
          <FormError failure={failureData} />
          <TextField name="name" label="Name" required failure={failureData} defaultValue={template.name} />
          <TextField
            name="language"
            label="Language"
            hint="Two-letter code. Targets get the template in a language they speak, if there is one."
            required
            failure={failureData}
            defaultValue={template.language}
          />
          <SelectField
            name="targetKind"
            label="For"
            placeholder="Any kind of target"
            options={targetKinds.map((k) => ({ value: k, label: targetKindLabels[k] }))}
            failure={failureData}
            defaultValue={template.targetKind}
          />
          <TextField name="subject" label="Subject" required failure={failureData} defaultValue={template.subject} />
          <TextAreaField
            name="body"
            label="Letter"
            hint="Plain text. Blank lines separate paragraphs. Use the variables listed here; {% for %} and {% if %} work."
            required
            rows={18}
            failure={failureData}
            defaultValue={template.body}
          />
          <div>
            <button type="submit">Save template</button>
          </div>
        </Form>
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

      {isNew ? null : (
        <section className="card" aria-labelledby="preview">
          <h2 id="preview">Preview</h2>
          <Form method="get" className="actions">
            <label>
              Target{" "}
              <select name="target" defaultValue={previewFor.targetId ?? ""}>
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Sender{" "}
              <select name="sender" defaultValue={previewFor.sender}>
                <option value="organisation">The organisation</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary">
              Show preview
            </button>
          </Form>
          {preview && "error" in preview ? <p className="form-error">{preview.error}</p> : null}
          {preview && "body" in preview ? (
            <div className="letter-preview">
              <p>
                <strong>To:</strong> {preview.recipient}
                <br />
                <strong>Subject:</strong> {preview.subject}
              </p>
              <pre className="email-text">{preview.body}</pre>
            </div>
          ) : null}
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganiser } from "~/auth/permissions.server";
import { listCasesForOrganisation } from "~/cases/case.server";
import { CampaignSchema, parseTargetKinds } from "~/campaigns/campaign.schema";
import { caseBelongsTo, createCampaign, isCampaignSlugTaken, liveOnDraftCase } from "~/campaigns/campaign.server";
import { CampaignFields } from "~/campaigns/components/campaign-fields";
import { failure, parseForm } from "~/ui/form-result";
import { FormError } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "New campaign: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const url = new URL(request.url);
  return { cases: await listCasesForOrganisation(user.organisationId), caseId: url.searchParams.get("caseId") ?? undefined };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const formData = await request.formData();
  const parsed = parseForm(CampaignSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  if (!(await caseBelongsTo(user.organisationId, parsed.data.caseId))) {
    return json(failure(formData, { caseId: ["Choose one of your organisation's cases."] }), { status: 400 });
  }
  const draftCase = await liveOnDraftCase(parsed.data.status, parsed.data.caseId);
  if (draftCase) return json(failure(formData, { status: [draftCase] }), { status: 400 });
  if (await isCampaignSlugTaken(parsed.data.slug)) {
    return json(failure(formData, { slug: ["Another campaign already uses this address."] }), { status: 400 });
  }
  const created = await createCampaign(user.organisationId, parsed.data, parseTargetKinds(formData));
  return redirect(`/admin/campaigns/${created.id}`);
}

export default function NewCampaign() {
  const { cases, caseId } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  return (
    <>
      <h1>New campaign</h1>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        <CampaignFields failure={failureData} cases={cases} values={{ caseId }} />
        <div>
          <button type="submit">Create campaign</button>
        </div>
      </Form>
    </>
  );
}

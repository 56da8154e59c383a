import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { requireOrganiser } from "~/auth/permissions.server";
import { CaseSchema } from "~/cases/case.schema";
import { createCase, isSlugTaken } from "~/cases/case.server";
import { CaseFields } from "~/cases/components/fact-fields";
import { failure, parseForm } from "~/ui/form-result";
import { FormError } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "New case: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const formData = await request.formData();
  const parsed = parseForm(CaseSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  if (await isSlugTaken(parsed.data.slug)) {
    return json(failure(formData, { slug: ["Another case already uses this address: choose another."] }), { status: 400 });
  }
  const created = await createCase({ organisationId: user.organisationId, data: parsed.data });
  return redirect(`/admin/cases/${created.id}`);
}

export default function NewCase() {
  const failureData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>New case</h1>
      <p>Start with the case itself; you add people, sources, the timeline and demands on the next page.</p>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        <CaseFields failure={failureData} />
        <div>
          <button type="submit" disabled={busy}>
            Create case
          </button>
        </div>
      </Form>
    </>
  );
}

// Adding one target by hand.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useRouteError } from "@remix-run/react";
import { requireOrganiser } from "~/auth/permissions.server";
import { TargetFields } from "~/targets/components/target-fields";
import { TargetSchema } from "~/targets/target.schema";
import { createTarget } from "~/targets/target.server";
import { ErrorMessage } from "~/ui/error-message";
import { parseForm } from "~/ui/form-result";
import { FormError } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "New target: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const parsed = parseForm(TargetSchema, await request.formData());
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const created = await createTarget({ organisationId: user.organisationId, data: parsed.data });
  return redirect(`/admin/targets/${created.id}?saved=1`);
}

export default function NewTarget() {
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/admin/targets">← Targets</Link>
      </p>
      <h1>New target</h1>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failure} />
        <TargetFields failure={failure} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Add target
          </button>
          <Link to="/admin/targets">Cancel</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

// One target: edit its fields, or take it out of campaigns (deactivate) and back.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { notFoundUnless, requireOrganiser } from "~/auth/permissions.server";
import { TargetFields } from "~/targets/components/target-fields";
import { TargetSchema, targetKindLabel } from "~/targets/target.schema";
import { getTarget, setTargetActive, suppressionLabels, updateTarget } from "~/targets/target.server";
import { ErrorMessage } from "~/ui/error-message";
import { parseForm, type FormFailure } from "~/ui/form-result";
import { FormError } from "~/ui/forms";
import { formatDateTime } from "~/ui/format";
import { IdSchema, intentOr400, paramOr404 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Target: ${data?.target.name ?? "not found"}` }];

async function load(request: Request, targetIdParam: string | undefined) {
  const user = await requireOrganiser(request);
  const targetId = paramOr404(IdSchema, targetIdParam, "No such target in your organisation.");
  const target = await getTarget({ targetId, organisationId: user.organisationId });
  notFoundUnless(target, "No such target in your organisation.");
  return { user, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { target } = await load(request, params.targetId);
  return { target };
}

const Intent = z.enum(["update", "deactivate", "reactivate"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, target } = await load(request, params.targetId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const scope = { targetId: target.id, organisationId: user.organisationId };
  const fail = (f: FormFailure) => json({ intent, failure: f, message: null }, { status: 400 });
  const done = (message: string) => json({ intent, failure: null, message });
  switch (intent) {
    case "update": {
      const parsed = parseForm(TargetSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      await updateTarget({ ...scope, data: parsed.data });
      return done("The target is saved.");
    }
    case "deactivate":
      await setTargetActive({ ...scope, active: false });
      return done("Deactivated: campaigns no longer offer this target. Letters already written keep it.");
    case "reactivate":
      await setTargetActive({ ...scope, active: true });
      return done("Active again: campaigns offer this target.");
  }
}

export default function EditTarget() {
  const { target } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const failure = result?.intent === "update" ? result.failure : null;
  const message = result?.message ?? (searchParams.get("saved") ? "Target added." : null);
  return (
    <>
      <p>
        <Link to="/admin/targets">← Targets</Link>
      </p>
      <h1>{target.name}</h1>
      <p className="muted">
        {targetKindLabel(target.kind)}
        {target.active ? "" : " · inactive: not offered to campaigns"}
        {target.externalId ? ` · imported as ${target.externalId}` : ""} · last changed {formatDateTime(target.updatedAt)}
      </p>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {target.emailSuppression ? (
        <p className="form-error" role="alert">
          {target.email}: {suppressionLabels[target.emailSuppression] ?? "email bounced"}. Letters to this address are not sent; check the
          address, or print the letters.
        </p>
      ) : null}

      <Form method="post" className="stack" noValidate key={target.updatedAt}>
        <input type="hidden" name="intent" value="update" />
        <FormError failure={failure} />
        <TargetFields failure={failure} values={target} />
        <div>
          <button type="submit">Save target</button>
        </div>
      </Form>

      <section className="card" aria-labelledby="active-heading">
        <h2 id="active-heading">{target.active ? "Deactivate" : "Reactivate"}</h2>
        <Form method="post">
          {target.active ? (
            <>
              <p>An inactive target stays in the directory and in the letters already written, but campaigns no longer offer it.</p>
              <input type="hidden" name="intent" value="deactivate" />
              <button type="submit" className="danger">
                Deactivate {target.name}
              </button>
            </>
          ) : (
            <>
              <p>This target is inactive: campaigns do not offer it.</p>
              <input type="hidden" name="intent" value="reactivate" />
              <button type="submit">Reactivate {target.name}</button>
            </>
          )}
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

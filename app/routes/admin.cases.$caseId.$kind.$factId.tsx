// Editing one source, event or demand of a case.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { DemandSchema, EventSchema, SourceSchema } from "~/cases/case.schema";
import { updateDemand, updateEvent, updateSource } from "~/cases/case.server";
import { checkSource, FactKindSchema, requireOrganiserCase } from "~/cases/case-admin.server";
import { DemandFields, EventFields, SourceFields } from "~/cases/components/fact-fields";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError } from "~/ui/forms";

const titles = { sources: "Edit source", events: "Edit event", demands: "Edit demand" } as const;

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { case: c } = await requireOrganiserCase(request, params.caseId);
  const kindParse = FactKindSchema.safeParse(params.kind);
  if (!kindParse.success) throw new Response("Not found", { status: 404 });
  const kind = kindParse.data;
  const list: ReadonlyArray<{ id: string }> = kind === "sources" ? c.sources : kind === "events" ? c.events : c.demands;
  const fact = list.find((f) => f.id === params.factId);
  notFoundUnless(fact, "No such entry in this case.");
  return { case: c, kind, fact };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${titles[data.kind]}: ${data.caseTitle}: Solidarity letters` : "Edit an entry: Solidarity letters" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { case: c, kind, fact } = await load(request, params);
  return { caseId: c.id, caseTitle: c.title, kind, fact, sources: c.sources };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { case: c, kind, fact } = await load(request, params);
  const formData = await request.formData();
  const back = redirect(`/admin/cases/${c.id}`);
  if (kind === "sources") {
    const parsed = parseForm(SourceSchema, formData);
    if (!parsed.success) return json(parsed.failure, { status: 400 });
    await updateSource(c.id, fact.id, parsed.data);
    return back;
  }
  if (kind === "events") {
    const parsed = parseForm(EventSchema, formData);
    if (!parsed.success) return json(parsed.failure, { status: 400 });
    const bad = await checkSource(c.id, parsed.data.sourceId);
    if (bad) return json(failure(formData, bad), { status: 400 });
    await updateEvent(c.id, fact.id, parsed.data);
    return back;
  }
  const parsed = parseForm(DemandSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const bad = await checkSource(c.id, parsed.data.sourceId);
  if (bad) return json(failure(formData, bad), { status: 400 });
  await updateDemand(c.id, fact.id, parsed.data);
  return back;
}

export default function EditFact() {
  const { caseId, caseTitle, kind, fact, sources } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/admin/cases/${caseId}`}>← {caseTitle}</Link>
      </p>
      <h1>{titles[kind]}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        {kind === "sources" ? <SourceFields failure={failureData} values={fact} /> : null}
        {kind === "events" ? <EventFields failure={failureData} values={fact} sources={sources} /> : null}
        {kind === "demands" ? <DemandFields failure={failureData} values={fact} sources={sources} /> : null}
        <div className="actions">
          <button type="submit">Save</button>
          <Link to={`/admin/cases/${caseId}`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

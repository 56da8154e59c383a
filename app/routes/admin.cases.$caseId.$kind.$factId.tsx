// Editing one source, event or demand of a case.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { DemandSchema, EventSchema, SourceSchema } from "~/cases/case.schema";
import { deleteFact, updateDemand, updateEvent, updateSource } from "~/cases/case.server";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { checkSource, FactKindSchema, requireOrganiserCase } from "~/cases/case-admin.server";
import { DemandFields, EventFields, SourceFields } from "~/cases/components/fact-fields";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError } from "~/ui/forms";

const titles = { sources: "Edit source", events: "Edit event", demands: "Edit demand" } as const;
const nouns = { sources: "source", events: "event", demands: "demand" } as const;

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
  if (formData.get("intent") === "delete") {
    const name =
      kind === "sources"
        ? c.sources.find((f) => f.id === fact.id)?.title
        : kind === "events"
          ? c.events.find((f) => f.id === fact.id)?.description
          : c.demands.find((f) => f.id === fact.id)?.text;
    if (!isConfirmed(formData)) {
      return json(
        confirmation(formData, {
          title: `Delete this ${nouns[kind]}`,
          items: [name ?? ""],
          detail:
            kind === "sources" ? "The facts that cite it stay on the case, shown without a source." : "It goes from the public case page.",
          button: `Delete the ${nouns[kind]}`,
          danger: true,
        }),
      );
    }
    await deleteFact(c.id, kind, fact.id);
    return back;
  }
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
  const result = useActionData<typeof action>();
  const failureData = result && "fieldErrors" in result ? result : null;
  return (
    <>
      <p>
        <Link to={`/admin/cases/${caseId}`}>← {caseTitle}</Link>
      </p>
      <h1>{titles[kind]}</h1>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
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
      <Form method="post" className="actions spaced">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="danger">
          Delete this {nouns[kind]}…
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

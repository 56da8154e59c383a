import { draftWithLiveCampaign } from "~/campaigns/campaign.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { multiLine, singleLine } from "~/security/text";
import { CaseSchema, DemandSchema, EventSchema, NewPersonSchema, SourceSchema } from "~/cases/case.schema";
import { addDemand, addEvent, addSource, deleteFact, isSlugTaken, updateCase } from "~/cases/case.server";
import { checkSource, FactKindSchema, requireOrganiserCase } from "~/cases/case-admin.server";
import { CaseFields, DemandFields, EventFields, PersonFields, SourceFields, StatusChangeFields } from "~/cases/components/fact-fields";
import { createPerson } from "~/cases/person.server";
import { publishCaseUpdate } from "~/cases/case-update.server";
import { appUrl } from "~/env.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { formatPartialDate } from "~/ui/format";
import { StatusBadge } from "~/ui/status-badge";
import { personStatusLabel } from "~/cases/case-status";
import { formOr400, IdSchema, intentOr400 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit: ${data?.case.title ?? "case"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { case: c } = await requireOrganiserCase(request, params.caseId);
  return { case: c };
}

const Intent = z.enum(["update-case", "add-source", "add-event", "add-demand", "add-person", "delete-fact", "publish-update"]);

const CaseUpdateSchema = z.object({
  title: singleLine().trim().min(3, "Give the update a title, e.g. “Oksana Shevchuk released”.").max(200, "At most 200 characters."),
  body: multiLine().trim().min(10, "Say what happened in a sentence or two.").max(5000, "At most 5,000 characters."),
  statusChangeId: z
    .string()
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
  emailSigners: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: c } = await requireOrganiserCase(request, params.caseId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const fail = (f: FormFailure) => json({ intent, failure: f }, { status: 400 });
  const done = (message: string) => json({ intent, failure: null, message });

  switch (intent) {
    case "update-case": {
      const parsed = parseForm(CaseSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      if (await isSlugTaken(parsed.data.slug, c.id)) {
        return fail(failure(formData, { slug: ["Another case already uses this address: choose another."] }));
      }
      const stillLive = await draftWithLiveCampaign(c.id, parsed.data.status);
      if (stillLive) return fail(failure(formData, { status: [stillLive] }));
      await updateCase({ caseId: c.id, organisationId: user.organisationId, data: parsed.data });
      return done("The case is saved.");
    }
    case "add-source": {
      const parsed = parseForm(SourceSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      await addSource(c.id, parsed.data);
      return done("Source added.");
    }
    case "add-event": {
      const parsed = parseForm(EventSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      const bad = await checkSource(c.id, parsed.data.sourceId);
      if (bad) return fail(failure(formData, bad));
      await addEvent(c.id, parsed.data);
      return done("Event added to the timeline.");
    }
    case "add-demand": {
      const parsed = parseForm(DemandSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      const bad = await checkSource(c.id, parsed.data.sourceId);
      if (bad) return fail(failure(formData, bad));
      await addDemand(c.id, parsed.data);
      return done("Demand added.");
    }
    case "add-person": {
      const parsed = parseForm(NewPersonSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      const bad = await checkSource(c.id, parsed.data.sourceId);
      if (bad) return fail(failure(formData, bad));
      const person = await createPerson(c.id, parsed.data);
      return redirect(`/admin/cases/${c.id}/people/${person.id}`);
    }
    case "publish-update": {
      const parsed = parseForm(CaseUpdateSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      const statusChanges = new Set(c.people.flatMap((p) => p.statusChanges.map((sc) => sc.id)));
      if (parsed.data.statusChangeId && !statusChanges.has(parsed.data.statusChangeId)) {
        return fail(failure(formData, { statusChangeId: ["Choose one of this case's status changes."] }));
      }
      const published = await publishCaseUpdate({
        caseId: c.id,
        organisationId: user.organisationId,
        ...parsed.data,
        createdById: user.id,
        appUrl: appUrl(request),
      });
      if (!published) throw new Response("No such case.", { status: 404 });
      return done(
        parsed.data.emailSigners
          ? "Update published. It is being emailed to the signers who asked for news (and the case's followers): follow it in the outbox."
          : "Update published on the case and campaign pages.",
      );
    }
    case "delete-fact": {
      const { kind, id } = formOr400(z.object({ kind: FactKindSchema, id: IdSchema }), formData);
      await deleteFact(c.id, kind, id);
      return done("Deleted.");
    }
  }
}

function DeleteButton({ kind, id, label }: { kind: string; id: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="delete-fact" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button" aria-label={label}>
        Delete
      </button>
    </Form>
  );
}

function AddForm({ intent, title, children, open }: { intent: string; title: string; children: React.ReactNode; open: boolean }) {
  const busy = useNavigation().formData?.get("intent") === intent;
  return (
    <details className="card" open={open}>
      <summary>{title}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <div>
          <button type="submit" disabled={busy}>
            {title}
          </button>
        </div>
      </Form>
    </details>
  );
}

export default function EditCase() {
  const { case: c } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failureFor = (intent: string) => (result && result.intent === intent ? result.failure : null);
  const sources = c.sources;
  return (
    <>
      <h1>{c.title}</h1>
      <p>{c.status === "draft" ? "Draft: not public yet." : <Link to={`/cases/${c.slug}`}>See the public page</Link>}</p>
      {result && "message" in result ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}

      <section className="card" aria-labelledby="case-details">
        <h2 id="case-details">Case details</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="update-case" />
          <FormError failure={failureFor("update-case")} />
          <CaseFields failure={failureFor("update-case")} values={c} />
          <div>
            <button type="submit">Save case</button>
          </div>
        </Form>
      </section>

      <h2>Sources</h2>
      <p className="muted">Every fact on the public page points to one of these.</p>
      <ol>
        {sources.map((s) => (
          <li key={s.id}>
            {s.title} ({s.publisher}) · <Link to={`sources/${s.id}`}>Edit</Link> ·{" "}
            <DeleteButton kind="sources" id={s.id} label={`Delete source ${s.title}`} />
          </li>
        ))}
      </ol>
      <AddForm intent="add-source" title="Add a source" open={!!failureFor("add-source")}>
        <FormError failure={failureFor("add-source")} />
        <SourceFields failure={failureFor("add-source")} />
      </AddForm>

      <h2>People at risk</h2>
      <ul>
        {c.people.map((p) => (
          <li key={p.id}>
            <Link to={`people/${p.id}`}>{p.name}</Link> <StatusBadge status={p.status} />
            {p.statusSince ? ` since ${formatPartialDate(p.statusSince)}` : ""}
          </li>
        ))}
      </ul>
      <AddForm intent="add-person" title="Add a person" open={!!failureFor("add-person")}>
        <FormError failure={failureFor("add-person")} />
        <PersonFields failure={failureFor("add-person")} />
        <StatusChangeFields failure={failureFor("add-person")} sources={sources} />
      </AddForm>

      <h2>Publish a case update</h2>
      <p className="muted">
        When someone is released, sentenced or moved, record it on the person's page first, then tell the supporters here.
      </p>
      <AddForm intent="publish-update" title="Publish the update" open={!!failureFor("publish-update")}>
        <FormError failure={failureFor("publish-update")} />
        <TextField name="title" label="Title" required failure={failureFor("publish-update")} />
        <TextAreaField name="body" label="What happened" required rows={4} failure={failureFor("publish-update")} />
        <SelectField
          name="statusChangeId"
          label="The status change it reports"
          placeholder="None"
          options={c.people.flatMap((p) =>
            p.statusChanges.map((sc) => ({
              value: sc.id,
              label: `${p.name}: ${personStatusLabel(sc.status)} (${formatPartialDate(sc.occurredOn)})`,
            })),
          )}
          failure={failureFor("publish-update")}
        />
        <label className="checkbox">
          <input type="checkbox" name="emailSigners" defaultChecked />
          <span>
            Email it to the signers and followers who asked for news of this case (once per address; each email has a one-click
            unsubscribe).
          </span>
        </label>
      </AddForm>

      <h2>Timeline</h2>
      <ul>
        {c.events.map((e) => (
          <li key={e.id}>
            <strong>{formatPartialDate(e.occurredOn)}</strong>: {e.description} · <Link to={`events/${e.id}`}>Edit</Link> ·{" "}
            <DeleteButton kind="events" id={e.id} label={`Delete event of ${formatPartialDate(e.occurredOn)}`} />
          </li>
        ))}
      </ul>
      <AddForm intent="add-event" title="Add an event" open={!!failureFor("add-event")}>
        <FormError failure={failureFor("add-event")} />
        <EventFields failure={failureFor("add-event")} sources={sources} />
      </AddForm>

      <h2>Demands</h2>
      <ul>
        {c.demands.map((d) => (
          <li key={d.id}>
            {d.text} · <Link to={`demands/${d.id}`}>Edit</Link> ·{" "}
            <DeleteButton kind="demands" id={d.id} label={`Delete demand ${d.text.slice(0, 30)}`} />
          </li>
        ))}
      </ul>
      <AddForm intent="add-demand" title="Add a demand" open={!!failureFor("add-demand")}>
        <FormError failure={failureFor("add-demand")} />
        <DemandFields failure={failureFor("add-demand")} sources={sources} />
      </AddForm>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

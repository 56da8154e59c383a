import { TranslationLinks } from "~/content/translation-links";
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
import {
  caseUpdatesForOrganisers,
  countCaseUpdateAudience,
  deleteCaseUpdate,
  newPublishKey,
  publishCaseUpdate,
  setCaseUpdateHidden,
} from "~/cases/case-update.server";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { appUrl } from "~/env.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, SelectField, TextAreaField, TextField } from "~/ui/forms";
import { count, formatDateTime, formatPartialDate } from "~/ui/format";
import { StatusBadge } from "~/ui/status-badge";
import { personStatusLabel } from "~/cases/case-status";
import { formOr400, IdSchema, intentOr400 } from "~/security/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit: ${data?.case.title ?? "case"}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { case: c } = await requireOrganiserCase(request, params.caseId);
  const [updates, audience] = await Promise.all([caseUpdatesForOrganisers(c.id), countCaseUpdateAudience(c.id)]);
  // After publishing, the page says so (the form was sent and redirected here, so it is empty again).
  const query = new URL(request.url).searchParams;
  const published = updates.find((u) => u.id === query.get("published"));
  return {
    case: c,
    updates,
    audience,
    publishKey: newPublishKey(),
    published: published ? { id: published.id, title: published.title, emailing: published.emailSigners, again: query.has("again") } : null,
  };
}

const Intent = z.enum([
  "update-case",
  "add-source",
  "add-event",
  "add-demand",
  "add-person",
  "delete-fact",
  "publish-update",
  "hide-update",
  "show-update",
  "delete-update",
]);

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
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "This form is out of date: reload the page and publish again."),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, case: c } = await requireOrganiserCase(request, params.caseId);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const fail = (f: FormFailure) => json({ intent, failure: f }, { status: 400 });
  const done = (message: string) => json({ intent, failure: null, message });
  const ask = (ask: Parameters<typeof confirmation>[1]) => json({ intent, failure: null, ...confirmation(formData, ask) });

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
      if (!isConfirmed(formData)) {
        const audience = parsed.data.emailSigners ? await countCaseUpdateAudience(c.id) : 0;
        const where = c.status === "draft" ? "on the case page (once the case is public)" : "on the public case and campaign pages";
        return ask(
          parsed.data.emailSigners && audience
            ? {
                title: `Publish and email ${count(audience, "person", "people")}`,
                items: [`“${parsed.data.title}”`],
                detail: `It appears ${where} at once, and ${count(audience, "person", "people")} who signed or followed this case and asked for news ${audience === 1 ? "gets" : "get"} it by email, with a one-click unsubscribe. Emails cannot be called back.`,
                button: `Publish and email ${count(audience, "person", "people")}`,
              }
            : {
                title: "Publish the update",
                items: [`“${parsed.data.title}”`],
                detail: parsed.data.emailSigners
                  ? `It appears ${where} at once. No signer has asked for news of this case yet: nobody is emailed.`
                  : `It appears ${where} at once. Nobody is emailed.`,
                button: "Publish the update",
              },
        );
      }
      const published = await publishCaseUpdate({
        caseId: c.id,
        organisationId: user.organisationId,
        ...parsed.data,
        createdById: user.id,
        appUrl: appUrl(request),
      });
      if (!published) throw new Response("No such case.", { status: 404 });
      // Redirected, so the page shows an empty form and reloading it sends nothing again.
      return redirect(`/admin/cases/${c.id}?published=${published.id}${published.duplicate ? "&again=1" : ""}#updates`);
    }
    case "hide-update":
    case "show-update": {
      const { updateId } = formOr400(z.object({ updateId: IdSchema }), formData);
      const hidden = intent === "hide-update";
      if (!(await setCaseUpdateHidden(c.id, updateId, hidden))) throw new Response("No such update.", { status: 404 });
      return done(
        hidden
          ? "The update is unpublished: it is no longer on the public pages, and emails not yet queued are not sent."
          : "The update is on the public pages again.",
      );
    }
    case "delete-update": {
      const { updateId } = formOr400(z.object({ updateId: IdSchema }), formData);
      const update = (await caseUpdatesForOrganisers(c.id)).find((u) => u.id === updateId);
      if (!update) throw new Response("No such update.", { status: 404 });
      if (!isConfirmed(formData)) {
        return ask({
          title: "Delete the update",
          items: [`“${update.title}” of ${formatDateTime(update.publishedAt)}`],
          detail: `It goes from the public pages and from this list for good.${update.emailedCount ? ` The ${count(update.emailedCount, "email")} already sent cannot be called back.` : ""}`,
          button: "Delete the update",
          danger: true,
        });
      }
      await deleteCaseUpdate(c.id, updateId);
      return done(`The update “${update.title}” is deleted.`);
    }
    case "delete-fact": {
      const { kind, id } = formOr400(z.object({ kind: FactKindSchema, id: IdSchema }), formData);
      const fact = describeFact(c, kind, id);
      if (!fact) throw new Response("No such entry in this case.", { status: 404 });
      if (!isConfirmed(formData)) {
        return ask({
          title: `Delete the ${fact.noun}`,
          items: [fact.name],
          detail: fact.detail,
          button: `Delete the ${fact.noun}`,
          danger: true,
        });
      }
      await deleteFact(c.id, kind, id);
      return done(`The ${fact.noun} is deleted.`);
    }
  }
}

type EditedCase = Awaited<ReturnType<typeof requireOrganiserCase>>["case"];

/** What a fact is called on the question before deleting it, or null when the case has no such fact. */
function describeFact(c: EditedCase, kind: z.infer<typeof FactKindSchema>, id: string) {
  if (kind === "sources") {
    const source = c.sources.find((f) => f.id === id);
    return source
      ? {
          noun: "source",
          name: `${source.title} (${source.publisher})`,
          detail: "The facts that cite it stay on the case, shown without a source.",
        }
      : null;
  }
  if (kind === "events") {
    const event = c.events.find((f) => f.id === id);
    return event
      ? { noun: "event", name: `${formatPartialDate(event.occurredOn)}: ${event.description}`, detail: "It goes from the public timeline." }
      : null;
  }
  const demand = c.demands.find((f) => f.id === id);
  return demand ? { noun: "demand", name: demand.text, detail: "It goes from the public case page." } : null;
}

function DeleteButton({ kind, id, label }: { kind: string; id: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="delete-fact" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button" aria-label={label}>
        Delete…
      </button>
    </Form>
  );
}

function AddForm({
  intent,
  title,
  children,
  open,
  formKey,
}: {
  intent: string;
  title: string;
  children: React.ReactNode;
  open: boolean;
  formKey?: string;
}) {
  const busy = useNavigation().formData?.get("intent") === intent;
  return (
    <details className="card" open={open}>
      <summary>{title}</summary>
      {/* A new key (after publishing) gives a fresh, empty form. */}
      <Form method="post" className="stack" noValidate key={formKey}>
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
  const { case: c, updates, audience, publishKey, published } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A message shows once the page has reloaded, together with the change it reports.
  const settled = useNavigation().state === "idle";
  const failureFor = (intent: string) => (result && result.intent === intent && "failure" in result ? result.failure : null);
  const sources = c.sources;
  return (
    <>
      <h1>{c.title}</h1>
      <p>{c.status === "draft" ? "Draft: not public yet." : <Link to={`/cases/${c.slug}`}>See the public page</Link>}</p>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {result && "message" in result ? (
        settled ? (
          <p className="notice" role="status">
            {result.message}
          </p>
        ) : null
      ) : published ? (
        <p className="notice" role="status">
          {published.again
            ? `“${published.title}” was already published from this form: nothing was published or emailed a second time.`
            : published.emailing
              ? `“${published.title}” is published. It is being emailed to the signers and followers who asked for news: follow it in the outbox.`
              : `“${published.title}” is published on the case and campaign pages.`}
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

      <TranslationLinks caseId={c.id} />

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
      <AddForm intent="publish-update" title="Publish the update" open={!!failureFor("publish-update")} formKey={published?.id ?? "new"}>
        <input type="hidden" name="idempotencyKey" value={publishKey} />
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
            {audience
              ? `Email ${count(audience, "person", "people")} who asked for news of this case: its signers and followers, once per address (each email has a one-click unsubscribe).`
              : "Email the signers and followers who asked for news of this case (none has yet)."}
          </span>
        </label>
      </AddForm>

      <h3 id="updates">Published updates</h3>
      {updates.length === 0 ? <p>No update yet.</p> : null}
      <ul className="case-list stack">
        {updates.map((u) => (
          <li key={u.id} className="card">
            <strong>{u.title}</strong>
            <br />
            <span className="muted">
              {formatDateTime(u.publishedAt)} · {u.hiddenAt ? "Unpublished: not on the public pages" : "On the public pages"} ·{" "}
              {!u.emailSigners
                ? "Not emailed"
                : u.emailedAt
                  ? u.emailedCount
                    ? `Emailed to ${count(u.emailedCount, "signer")}`
                    : "No signer to email"
                  : u.hiddenAt
                    ? `Emailing stopped after ${count(u.emailedCount, "signer")}`
                    : `Being emailed${u.emailedCount ? ` (${count(u.emailedCount, "signer")} so far)` : ""}`}
            </span>
            <div className="actions">
              <Link to={`updates/${u.id}`} aria-label={`Edit the update ${u.title}`}>
                Edit
              </Link>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value={u.hiddenAt ? "show-update" : "hide-update"} />
                <input type="hidden" name="updateId" value={u.id} />
                <button
                  type="submit"
                  className="link-button"
                  aria-label={`${u.hiddenAt ? "Publish again" : "Unpublish"} the update ${u.title}`}
                >
                  {u.hiddenAt ? "Publish again" : "Unpublish"}
                </button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete-update" />
                <input type="hidden" name="updateId" value={u.id} />
                <button type="submit" className="link-button" aria-label={`Delete the update ${u.title}`}>
                  Delete…
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>

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

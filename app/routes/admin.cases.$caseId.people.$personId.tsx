// One person at risk: details, charges, and the status history that the outcomes dashboard draws from.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requireOrganiser, notFoundUnless } from "~/auth/permissions.server";
import { ChargeSchema, PersonSchema, StatusChangeSchema } from "~/cases/case.schema";
import { checkSource } from "~/cases/case-admin.server";
import { ChargeFields, PersonFields, StatusChangeFields } from "~/cases/components/fact-fields";
import {
  addCharge,
  deleteCharge,
  deletePerson,
  deleteStatusChange,
  getPersonForOrganisation,
  recordStatusChange,
  updatePerson,
} from "~/cases/person.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError } from "~/ui/forms";
import { count, formatPartialDate } from "~/ui/format";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { personStatusLabel } from "~/cases/case-status";
import { StatusBadge } from "~/ui/status-badge";
import { IdSchema, fieldOr400, intentOr400, paramOr404 } from "~/security/params.server";

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  const personId = paramOr404(IdSchema, params.personId, "No such person in this case.");
  const person = await getPersonForOrganisation({ personId, organisationId: user.organisationId });
  notFoundUnless(person, "No such person in your organisation's cases.");
  if (person.caseId !== params.caseId) throw new Response("No such person in this case.", { status: 404 });
  return person;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"}: Solidarity letters` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return { person: await load(request, params) };
}

const Intent = z.enum(["update-person", "record-status", "delete-status", "add-charge", "delete-charge", "delete-person"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await load(request, params);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const fail = (f: FormFailure) => json({ intent, failure: f }, { status: 400 });
  const done = (message: string) => json({ intent, failure: null, message });
  const ask = (ask: Parameters<typeof confirmation>[1]) =>
    json({ intent, failure: null, ...confirmation(formData, { danger: true, ...ask }) });
  const id = () => fieldOr400(IdSchema, formData.get("id"));

  switch (intent) {
    case "update-person": {
      const parsed = parseForm(PersonSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      await updatePerson(person.id, parsed.data);
      return done("Saved.");
    }
    case "record-status": {
      const parsed = parseForm(StatusChangeSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      const bad = await checkSource(person.caseId, parsed.data.sourceId);
      if (bad) return fail(failure(formData, bad));
      await recordStatusChange(person.id, parsed.data);
      return done("Status change recorded.");
    }
    case "delete-status": {
      const change = person.statusChanges.find((sc) => sc.id === id());
      if (!change) throw new Response("No such status change.", { status: 404 });
      if (!isConfirmed(formData)) {
        return ask({
          title: `Delete a status change of ${person.name}`,
          items: [`${formatPartialDate(change.occurredOn)}: ${personStatusLabel(change.status)}${change.note ? ` (${change.note})` : ""}`],
          detail:
            "It goes from the status history, the public page and the outcomes dashboard; the current status follows the newest change left.",
          button: "Delete the status change",
        });
      }
      await deleteStatusChange(person.id, change.id);
      return done("Status change deleted.");
    }
    case "add-charge": {
      const parsed = parseForm(ChargeSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      const bad = await checkSource(person.caseId, parsed.data.sourceId);
      if (bad) return fail(failure(formData, bad));
      await addCharge(person.id, parsed.data);
      return done("Charge added.");
    }
    case "delete-charge": {
      const charge = person.charges.find((ch) => ch.id === id());
      if (!charge) throw new Response("No such charge.", { status: 404 });
      if (!isConfirmed(formData)) {
        return ask({
          title: `Delete a charge against ${person.name}`,
          items: [`Article ${charge.article} of the ${charge.law}: ${charge.description}`],
          detail: "It goes from the public page.",
          button: "Delete the charge",
        });
      }
      await deleteCharge(person.id, charge.id);
      return done("Charge deleted.");
    }
    case "delete-person":
      if (!isConfirmed(formData)) {
        return ask({
          title: `Delete ${person.name}`,
          items: [person.name],
          detail: `This deletes ${person.name} from the case “${person.case.title}” with ${count(person.charges.length, "charge")} and ${count(person.statusChanges.length, "status change")}, for good.`,
          button: `Delete ${person.name}`,
        });
      }
      await deletePerson(person.caseId, person.id);
      return redirect(`/admin/cases/${person.caseId}`);
  }
}

function DeleteButton({ intent, id, label }: { intent: string; id: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button" aria-label={label}>
        Delete…
      </button>
    </Form>
  );
}

export default function EditPerson() {
  const { person } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failureFor = (intent: string) => (result && result.intent === intent && "failure" in result ? result.failure : null);
  const sources = person.case.sources;
  return (
    <>
      <p>
        <Link to={`/admin/cases/${person.caseId}`}>← {person.case.title}</Link>
      </p>
      <h1>
        {person.name} <StatusBadge status={person.status} />
      </h1>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {result && "message" in result ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}

      <section className="card" aria-labelledby="record-status">
        <h2 id="record-status">Record a status change</h2>
        <p className="muted">Released, charged, sentenced, moved: each change is kept with its date and source.</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="record-status" />
          <FormError failure={failureFor("record-status")} />
          <StatusChangeFields failure={failureFor("record-status")} sources={sources} />
          <div>
            <button type="submit">Record status change</button>
          </div>
        </Form>
      </section>

      <h2>Status history</h2>
      <ul>
        {person.statusChanges.map((s) => (
          <li key={s.id}>
            <strong>{formatPartialDate(s.occurredOn)}</strong> <StatusBadge status={s.status} /> {s.note}{" "}
            <span className="source-ref">({s.source ? s.source.title : "no source"})</span> ·{" "}
            <DeleteButton intent="delete-status" id={s.id} label={`Delete status change of ${formatPartialDate(s.occurredOn)}`} />
          </li>
        ))}
      </ul>

      <section className="card" aria-labelledby="details">
        <h2 id="details">Details</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="update-person" />
          <FormError failure={failureFor("update-person")} />
          <PersonFields failure={failureFor("update-person")} values={person} />
          <div>
            <button type="submit">Save details</button>
          </div>
        </Form>
      </section>

      <h2>Charges</h2>
      <ul>
        {person.charges.map((ch) => (
          <li key={ch.id}>
            Article {ch.article} of the {ch.law}: {ch.description} ·{" "}
            <DeleteButton intent="delete-charge" id={ch.id} label={`Delete charge under article ${ch.article}`} />
          </li>
        ))}
      </ul>
      <details className="card" open={!!failureFor("add-charge")}>
        <summary>Add a charge</summary>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add-charge" />
          <FormError failure={failureFor("add-charge")} />
          <ChargeFields failure={failureFor("add-charge")} sources={sources} />
          <div>
            <button type="submit">Add charge</button>
          </div>
        </Form>
      </details>

      <details>
        <summary>Remove this person from the case</summary>
        <Form method="post">
          <input type="hidden" name="intent" value="delete-person" />
          <p>This deletes the person, their charges and status history.</p>
          <button type="submit" className="danger">
            Delete {person.name}…
          </button>
        </Form>
      </details>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

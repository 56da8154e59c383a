// Sections, members and invitations of the organiser's organisation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requireOrganiser } from "~/auth/permissions.server";
import { canInvite, roleLabels, type Role } from "~/auth/roles";
import { InvitationSchema, SectionSchema } from "~/organisations/organisation.schema";
import {
  createInvitation,
  createSection,
  getOrganisationOverview,
  removeMember,
  revokeInvitation,
  sectionBelongsTo,
} from "~/organisations/organisation.server";
import { appUrl } from "~/env.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, SelectField, TextField } from "~/ui/forms";
import { formatDateTime } from "~/ui/format";
import { confirmation, isConfirmed } from "~/ui/confirm";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { fieldOr400, IdSchema, intentOr400 } from "~/security/params.server";
import { setTwoFactorRequired } from "~/auth/two-factor.server";

export const meta: MetaFunction = () => [{ title: "Organisation: Solidarity letters" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  return { organisation: await getOrganisationOverview(user.organisationId), me: { id: user.id, role: user.role } };
}

const Intent = z.enum(["add-section", "invite", "revoke-invitation", "remove-member", "two-factor-rule"]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const formData = await request.formData();
  const intent = intentOr400(formData, Intent);
  const fail = (f: FormFailure, status = 400) => json({ intent, failure: f }, { status });
  const done = (message: string) => json({ intent, failure: null, message });

  switch (intent) {
    case "add-section": {
      const parsed = parseForm(SectionSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      await createSection(user.organisationId, parsed.data);
      return done(`Section ${parsed.data.name} added.`);
    }
    case "invite": {
      const parsed = parseForm(InvitationSchema, formData);
      if (!parsed.success) return fail(parsed.failure);
      if (!canInvite(user.role, parsed.data.role)) {
        return fail(failure(formData, { role: ["Only the owner can invite organisers."] }), 403);
      }
      if (!(await sectionBelongsTo(user.organisationId, parsed.data.sectionId))) {
        return fail(failure(formData, { sectionId: ["Choose one of your sections."] }));
      }
      const result = await createInvitation({
        organisationId: user.organisationId,
        invitedBy: user,
        data: parsed.data,
        acceptUrl: (token) => `${appUrl(request)}/invitations/${token}`,
      });
      if ("error" in result) return fail(failure(formData, { email: [result.error] }));
      // The same answer whether or not the address has an account elsewhere (no link shown: it would tell).
      return done(`Invitation emailed to ${parsed.data.email}. Its link works once, for 7 days; a new invitation replaces it.`);
    }
    case "revoke-invitation": {
      const id = fieldOr400(IdSchema, formData.get("id"));
      const invitation = (await getOrganisationOverview(user.organisationId)).invitations.find((i) => i.id === id);
      if (!invitation) return done("This invitation is no longer open.");
      if (!isConfirmed(formData)) {
        return json({
          intent,
          failure: null,
          ...confirmation(formData, {
            title: `Withdraw the invitation to ${invitation.email}`,
            items: [
              `${invitation.email} · ${roleLabels[invitation.role as Role] ?? invitation.role}${invitation.section ? ` · ${invitation.section.name}` : ""}`,
            ],
            detail: "Its link stops working at once. You can invite the address again later.",
            button: "Withdraw the invitation",
            danger: true,
          }),
        });
      }
      await revokeInvitation(user.organisationId, id);
      return done(`The invitation to ${invitation.email} is withdrawn.`);
    }
    case "two-factor-rule": {
      if (user.role !== "owner") throw new Response("Only the owner decides this.", { status: 403 });
      const required = formData.get("requireTwoFactor") === "on";
      await setTwoFactorRequired(user.organisationId, required);
      return done(
        required
          ? "Everyone now signs in with two factors; members without them set them up at their next page."
          : "Two-factor sign-in is now each member's choice.",
      );
    }
    case "remove-member": {
      const id = fieldOr400(IdSchema, formData.get("id"));
      if (id === user.id) return fail(failure(formData, {}, "You cannot remove yourself."));
      const overview = await getOrganisationOverview(user.organisationId);
      const member = overview.users.find((u) => u.id === id && u.role !== "owner");
      if (!member) throw new Response("No such member.", { status: 404 });
      if (!isConfirmed(formData)) {
        return json({
          intent,
          failure: null,
          ...confirmation(formData, {
            title: `Remove ${member.name} from ${overview.name}`,
            items: [
              `${member.name} (${member.email}) · ${roleLabels[member.role as Role] ?? member.role}${member.section ? ` · ${member.section.name}` : ""}`,
            ],
            detail: "Their account is deleted and they are signed out at once. The letters they wrote stay.",
            button: `Remove ${member.name}`,
            danger: true,
          }),
        });
      }
      await removeMember(user.organisationId, id);
      return done(`${member.name} is removed; their sessions have ended.`);
    }
  }
}

export default function OrganisationPage() {
  const { organisation, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failureFor = (intent: string) => (result && result.intent === intent && "failure" in result ? result.failure : null);
  const sectionOptions = organisation.sections.map((s) => ({ value: s.id, label: `${s.name} (${s.city}, ${s.country})` }));
  return (
    <>
      <h1>{organisation.name}</h1>
      {result && "confirm" in result ? <ConfirmDialog confirm={result.confirm} /> : null}
      {result && "message" in result ? (
        <div className="notice" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      {failureFor("remove-member") ? <FormError failure={failureFor("remove-member")} /> : null}

      <h2>Sections</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">City</th>
              <th scope="col">Country</th>
              <th scope="col">Contact</th>
            </tr>
          </thead>
          <tbody>
            {organisation.sections.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/admin/sections/${s.id}/dashboard`}>{s.name}</Link>
                </td>
                <td>{s.city}</td>
                <td>{s.country}</td>
                <td>{s.contactEmail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="card" open={!!failureFor("add-section")}>
        <summary>Add a section</summary>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add-section" />
          <FormError failure={failureFor("add-section")} />
          <TextField name="name" label="Name" required failure={failureFor("add-section")} />
          <TextField name="city" label="City" required failure={failureFor("add-section")} />
          <TextField name="country" label="Country" hint="Two-letter code, e.g. BE." required failure={failureFor("add-section")} />
          <TextField
            name="contactEmail"
            label="Contact email"
            type="email"
            hint="Where answers to the section's letters may be sent."
            required
            failure={failureFor("add-section")}
          />
          <div>
            <button type="submit">Add section</button>
          </div>
        </Form>
      </details>

      <h2>Members</h2>
      {me.role === "owner" ? (
        <Form method="post" className="card stack">
          <input type="hidden" name="intent" value="two-factor-rule" />
          <label>
            <input type="checkbox" name="requireTwoFactor" defaultChecked={organisation.requireTwoFactor} /> Everyone signs in with two
            factors (a code from a phone app after the password)
          </label>
          <p className="hint">
            {organisation.users.filter((u) => u.totpEnabledAt).length} of {organisation.users.length} members have set it up. Members
            without it are asked to set it up before anything else.
          </p>
          <div>
            <button type="submit">Save</button>
          </div>
        </Form>
      ) : null}
      <ul>
        {organisation.users.map((u) => (
          <li key={u.id}>
            {u.name} ({u.email}) · {roleLabels[u.role as Role] ?? u.role}
            {u.section ? ` · ${u.section.name}` : ""}
            {u.id !== me.id && u.role !== "owner" ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-member" />
                <input type="hidden" name="id" value={u.id} /> ·{" "}
                <button type="submit" className="link-button" aria-label={`Remove ${u.name}`}>
                  Remove…
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>Invitations</h2>
      <ul>
        {organisation.invitations.map((i) => (
          <li key={i.id}>
            {i.email} · {roleLabels[i.role as Role] ?? i.role}
            {i.section ? ` · ${i.section.name}` : ""} · until {formatDateTime(i.expiresAt)}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="revoke-invitation" />
              <input type="hidden" name="id" value={i.id} /> ·{" "}
              <button type="submit" className="link-button" aria-label={`Withdraw the invitation to ${i.email}`}>
                Withdraw…
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="invite">
        <h3 id="invite">Invite someone</h3>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <FormError failure={failureFor("invite")} />
          <TextField name="email" label="Email" type="email" required failure={failureFor("invite")} />
          <SelectField
            name="role"
            label="Role"
            required
            options={[
              { value: "section_member", label: "Section member: sends their section's letters" },
              ...(me.role === "owner" ? [{ value: "organiser", label: "Organiser: runs cases and campaigns" }] : []),
            ]}
            failure={failureFor("invite")}
            defaultValue="section_member"
          />
          <SelectField
            name="sectionId"
            label="Section"
            hint="Required for section members."
            placeholder="No section"
            options={sectionOptions}
            failure={failureFor("invite")}
          />
          <div>
            <button type="submit">Email the invitation</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

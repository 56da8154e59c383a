// Accepting an invitation: the link opens a page; only the button (a POST) makes the account,
// so a mail scanner that follows the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { notFoundUnless } from "~/auth/permissions.server";
import { roleLabels, type Role } from "~/auth/roles";
import { createSession } from "~/auth/session.server";
import { passwordHint } from "~/auth/password-length";
import { NewPassword } from "~/auth/password-rules.server";
import { AcceptInvitationSchema } from "~/organisations/organisation.schema";
import { acceptInvitation, findOpenInvitation } from "~/organisations/organisation.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";
import { paramOr404, TokenSchema } from "~/security/params.server";

const LINK_NOT_VALID = "This invitation link is not valid. Copy the whole address from the email.";

export const meta: MetaFunction = () => [{ title: "Join: Solidarity letters" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(invitation, "This invitation link is not valid any more: it was used, withdrawn, or has expired.");
  return { invitation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = paramOr404(TokenSchema, params.token, LINK_NOT_VALID);
  const formData = await request.formData();
  const parsed = parseForm(AcceptInvitationSchema.extend({ password: NewPassword }), formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const user = await acceptInvitation(token, parsed.data);
  if (!user) return json(failure(formData, {}, "This invitation is not valid any more."), { status: 410 });
  return redirect("/admin", { headers: { "Set-Cookie": await createSession(user.id, request.headers.get("User-Agent"), request.url) } });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  return (
    <>
      <h1>Join {invitation.organisation.name}</h1>
      <p>
        You are invited as {roleLabels[invitation.role as Role] ?? invitation.role}
        {invitation.section ? ` of ${invitation.section.name}` : ""}, with the email address {invitation.email}.
      </p>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        <TextField
          name="name"
          label="Your name"
          hint="Shown to the other members of your organisation, and under letters you sign."
          autoComplete="name"
          required
          failure={failureData}
        />
        <TextField
          name="password"
          label="Choose a password"
          type="password"
          hint={passwordHint}
          autoComplete="new-password"
          required
          failure={failureData}
        />
        <div>
          <button type="submit">Create my account</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

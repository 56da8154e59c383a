// The link from a "forgot password" email (or from `npm run setup`): the page shows a form; only
// its button (a POST) sets the password, so a mail scanner that opens the link changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { notFoundUnless } from "~/auth/permissions.server";
import { openPasswordReset, resetPassword } from "~/auth/password-reset.server";
import { NewPasswordTwice, TYPED_DIFFERENTLY, typedTheSame } from "~/auth/password-rules.server";
import { NewPasswordFields } from "~/auth/components/new-password-fields";
import { paramOr404, TokenSchema } from "~/security/params.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "Choose a password: Solidarity letters" }, { name: "robots", content: "noindex" }];

const LINK_NOT_VALID = "This link is not valid. Copy the whole address from the email.";
const LINK_SPENT =
  "This link is not valid any more: it was used or has expired. Ask for a new one from “Forgot your password?” on the log-in page.";

const ResetSchema = z.object(NewPasswordTwice).refine(typedTheSame, TYPED_DIFFERENTLY);

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await openPasswordReset(paramOr404(TokenSchema, params.token, LINK_NOT_VALID));
  notFoundUnless(reset, LINK_SPENT);
  return { purpose: reset.purpose, email: reset.email, organisationName: reset.organisationName };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = paramOr404(TokenSchema, params.token, LINK_NOT_VALID);
  const formData = await request.formData();
  const parsed = parseForm(ResetSchema, formData);
  if (!parsed.success) return json(parsed.failure, { status: 400 });
  const userId = await resetPassword(token, parsed.data.password);
  if (!userId) return json(failure(formData, {}, LINK_SPENT), { status: 410 });
  // Logged out everywhere: they log in with the new password (and their second factor, if set).
  return redirect("/login?password=changed");
}

export default function ResetPassword() {
  const { purpose, email, organisationName } = useLoaderData<typeof loader>();
  const failureData = useActionData<typeof action>();
  return (
    <>
      <h1>{purpose === "setup" ? `Welcome to ${organisationName}` : "Choose a new password"}</h1>
      <p>
        For the account {email} at {organisationName}.
        {purpose === "setup"
          ? " You are its owner: once you have a password, log in and invite the others."
          : " Every other session of this account ends."}
      </p>
      <Form method="post" className="stack" noValidate>
        <FormError failure={failureData} />
        <NewPasswordFields email={email} failure={failureData} />
        <div>
          <button type="submit">Set my password</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

// "Forgot your password?": the same answer for every address; the link goes by email to the
// address's owner, if it has an account (at most one email an hour).
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/auth/password-reset.server";
import { appUrl } from "~/env.server";
import { ServerWideLimit } from "~/security/rate-limit.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "Forgot your password: Solidarity letters" }];

const ForgotSchema = z.object({ email: z.email("Give the email address of your account.").trim().toLowerCase().max(254) });

// One client address may ask a few times an hour; more is someone trying addresses.
let perAddress: ServerWideLimit | undefined;
const limit = () => (perAddress ??= new ServerWideLimit({ keyPrefix: "password-reset-ip", points: 10, duration: 3600 }));

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(ForgotSchema, formData);
  if (!parsed.success) return json({ sent: false as const, failure: parsed.failure }, { status: 400 });
  try {
    await limit().consume(context.clientAddress ?? "unknown");
  } catch {
    return json(
      { sent: false as const, failure: failure(formData, {}, "Too many requests from here. Try again in an hour.") },
      { status: 429, headers: { "Retry-After": "3600" } },
    );
  }
  const base = appUrl(request);
  await requestPasswordReset(parsed.data.email, (token) => `${base}/reset-password/${token}`);
  return json({ sent: true as const, failure: null });
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  if (result?.sent) {
    return (
      <>
        <h1>Check your inbox</h1>
        <p role="status">
          If this address has an account, an email with a link to choose a new password is on its way. The link works once, for an hour. No
          email? Look in the spam folder; you can ask again in an hour.
        </p>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Forgot your password?</h1>
      <p>Give the email address of your account: we send it a link to choose a new password.</p>
      <Form method="post" className="stack" noValidate>
        <FormError failure={result?.failure} />
        <TextField name="email" label="Email" type="email" autoComplete="username" required failure={result?.failure} />
        <div>
          <button type="submit">Send me the link</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}

// Your own account: your password, and (on its own page) two-factor sign-in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { changePassword } from "~/auth/account.server";
import { NewPasswordTwice, TYPED_DIFFERENTLY, typedTheSame } from "~/auth/password-rules.server";
import { NewPasswordFields } from "~/auth/components/new-password-fields";
import { requireUser } from "~/auth/session.server";
import { ErrorMessage } from "~/ui/error-message";
import { failure, parseForm, type FormFailure } from "~/ui/form-result";
import { FormError, TextField } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "Your account: Solidarity letters" }];

const ChangePasswordSchema = z
  .object({
    current: z.string({ error: "Give your current password." }).min(1, "Give your current password.").max(400),
    ...NewPasswordTwice,
  })
  .refine(typedTheSame, TYPED_DIFFERENTLY)
  .refine((v) => v.password !== v.current, { path: ["password"], message: "The new password is the same as the current one." });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, name: user.name };
}

type Result = { failure: FormFailure; changed: false } | { failure: null; changed: true };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = parseForm(ChangePasswordSchema, formData);
  if (!parsed.success) return json<Result>({ failure: parsed.failure, changed: false }, { status: 400 });
  const outcome = await changePassword({ userId: user.id, current: parsed.data.current, next: parsed.data.password, request });
  if (outcome === "wrong-password") {
    return json<Result>(
      { failure: failure(formData, { current: ["That is not your current password."] }), changed: false },
      { status: 400 },
    );
  }
  return json<Result>({ failure: null, changed: true });
}

export default function Account() {
  const { email, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Your account</h1>
      <p>
        {name}, {email}.
      </p>
      <h2>Password</h2>
      {result?.changed ? <p role="status">Your password is changed. You were logged out everywhere else.</p> : null}
      <Form method="post" className="stack" noValidate>
        <FormError failure={result?.failure} />
        <TextField
          name="current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          failure={result?.failure}
        />
        <NewPasswordFields email={email} failure={result?.failure} />
        <div>
          <button type="submit">Change my password</button>
        </div>
      </Form>
      <h2>Two-factor sign-in</h2>
      <p>
        A code from an app on your phone at every log-in, so a stolen password alone opens nothing.{" "}
        <Link to="/admin/account/two-factor">Set up or change two-factor sign-in</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage error={useRouteError()} />;
}
